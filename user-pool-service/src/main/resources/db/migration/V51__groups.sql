-- Groups of a user pool (CreateGroup...) and their members. Group names are case-sensitive, as in
-- Cognito. Deleting a pool, a group or a user removes the memberships with it.
CREATE TABLE user_group (
    pool_id     varchar(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    group_name  varchar(128)  NOT NULL,
    description varchar(2048),
    role_arn    varchar(2048),
    precedence  integer       CHECK (precedence >= 0),
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    PRIMARY KEY (pool_id, group_name)
);

CREATE TABLE user_group_member (
    pool_id    varchar(55)  NOT NULL,
    group_name varchar(128) NOT NULL,
    user_sub   uuid         NOT NULL REFERENCES user_account (sub) ON DELETE CASCADE,
    added_at   timestamptz  NOT NULL,
    -- ListUsersInGroup pages by (pool, group, sub) on the primary key.
    PRIMARY KEY (pool_id, group_name, user_sub),
    FOREIGN KEY (pool_id, group_name) REFERENCES user_group (pool_id, group_name) ON DELETE CASCADE
);

-- AdminListGroupsForUser and the token claims: a user's groups.
CREATE INDEX user_group_member_user_idx ON user_group_member (user_sub, group_name);
