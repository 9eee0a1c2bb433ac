-- ListUsers search. Each searchable attribute has one expression index (pool_id, key, sub), and a
-- filtered listing is a keyset walk of that index: WHERE pool_id = ? AND key = ? (or key >= prefix AND
-- key < upper bound of the prefix) AND (key, sub) > (last key, last sub) ORDER BY key, sub LIMIT n.
-- The index scan starts at the page's first entry and reads n + 1, so page 10,000 of a pool costs what
-- page 1 costs: nothing is skipped with OFFSET, nothing is sorted, nothing is loaded into memory.
--
-- Keys use the "C" collation: its order is byte order, so a prefix is one contiguous index range whose
-- bounds do not depend on the database's locale, and the range and the row comparison of the keyset
-- use the same operator class as the index (text_pattern_ops would serve LIKE but not ORDER BY or the
-- row comparison). Case-insensitive attributes are keyed by lower(); queries lower the value with the
-- same function, so both sides agree whatever lower() does in this database's locale.
--
-- Unfiltered listings walk user_account_pool_created_idx (pool_id, created_at, sub) from V20.

-- The smallest string greater than every string that starts with p (in "C" order): p with its last
-- character incremented (surrogates skipped). NULL only when p is empty or only U+10FFFF characters.
CREATE FUNCTION prefix_upper_bound(p text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    s text := p;
    c integer;
BEGIN
    WHILE length(s) > 0 LOOP
        c := ascii(right(s, 1));
        s := left(s, -1);
        IF c < 1114111 THEN
            IF c + 1 = 55296 THEN
                c := 57343;
            END IF;
            RETURN (s || chr(c + 1)) COLLATE "C";
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

CREATE INDEX user_account_search_username_idx
    ON user_account (pool_id, (username_key COLLATE "C"), sub);
CREATE INDEX user_account_search_email_idx
    ON user_account (pool_id, (lower(attributes ->> 'email') COLLATE "C"), sub);
CREATE INDEX user_account_search_phone_number_idx
    ON user_account (pool_id, ((attributes ->> 'phone_number') COLLATE "C"), sub);
CREATE INDEX user_account_search_name_idx
    ON user_account (pool_id, (lower(attributes ->> 'name') COLLATE "C"), sub);
CREATE INDEX user_account_search_given_name_idx
    ON user_account (pool_id, (lower(attributes ->> 'given_name') COLLATE "C"), sub);
CREATE INDEX user_account_search_family_name_idx
    ON user_account (pool_id, (lower(attributes ->> 'family_name') COLLATE "C"), sub);
CREATE INDEX user_account_search_preferred_username_idx
    ON user_account (pool_id, (lower(attributes ->> 'preferred_username') COLLATE "C"), sub);
CREATE INDEX user_account_search_user_status_idx
    ON user_account (pool_id, (status COLLATE "C"), sub);
CREATE INDEX user_account_search_enabled_idx
    ON user_account (pool_id, ((CASE WHEN enabled THEN 'Enabled' ELSE 'Disabled' END) COLLATE "C"), sub);
CREATE INDEX user_account_search_sub_idx
    ON user_account (pool_id, ((sub::text) COLLATE "C"), sub);
