-- Generates :users users in an existing user pool, in one INSERT ... SELECT generate_series, for the
-- ListUsers benchmark (1,000,000 users take a few minutes on 2 cores, mostly index maintenance).
--
--   psql "$DATABASE_URL" -v pool_id=local-1_AbCdEfGhI -v users=1000000 -v first=1 \
--        -f user-pool-service/src/test/resources/benchmark/generate-users.sql
--
-- The pool must exist (CreateUserPool) and use plain usernames, case-insensitive (the default: no
-- UsernameAttributes, no AliasAttributes), so username_key is the lower-case username and no sign-in
-- alias column is set. Users have no password: the benchmark lists them, it does not sign them in.
-- Run again with another :first to add more users. The same file seeds the EXPLAIN tests
-- (UserSearchPlanTest), which replace the psql variables with bind parameters.
--
-- Shape of user n (n = :first ... :first + :users - 1), zero-padded to 7 digits:
--   username user0000042, email user0000042@example.com (verified), given_name one of 16 names,
--   family_name one of 64 names, name "given family", phone +1555<n padded to 7>,
--   status CONFIRMED (every 10th UNCONFIRMED), enabled (every 50th disabled),
--   created one second apart from 2025-01-01.
INSERT INTO user_pool.user_account (sub, pool_id, username, username_key, attributes, status, enabled,
        created_at, updated_at)
SELECT g.sub, :'pool_id', g.username, g.username,
       jsonb_build_object('sub', g.sub::text, 'email', g.username || '@example.com', 'email_verified', 'true',
           'given_name', g.given_name, 'family_name', g.family_name, 'name', g.given_name || ' ' || g.family_name,
           'phone_number', '+1555' || lpad(g.n::text, 7, '0')),
       CASE WHEN g.n % 10 = 0 THEN 'UNCONFIRMED' ELSE 'CONFIRMED' END,
       g.n % 50 <> 0,
       timestamptz '2025-01-01 00:00:00+00' + g.n * interval '1 second',
       timestamptz '2025-01-01 00:00:00+00' + g.n * interval '1 second'
FROM (
    SELECT n, gen_random_uuid() AS sub, 'user' || lpad(n::text, 7, '0') AS username,
           (ARRAY['Ann', 'Bob', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea', 'Mo',
                  'Nia', 'Oto', 'Pia'])[1 + n % 16] AS given_name,
           'Family' || lpad(((n / 16) % 64)::text, 2, '0') AS family_name
    FROM generate_series(:first, :first + :users - 1) AS n
) AS g;

ANALYZE user_pool.user_account;
