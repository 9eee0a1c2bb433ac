-- A user's email or phone number change waiting for verification, for pools whose
-- UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate names the attribute: the old value
-- stays in effect (sign-in, messages, tokens) until the code sent to the new one is confirmed.
CREATE TABLE pending_attribute_update (
    user_sub        uuid           NOT NULL REFERENCES user_account (sub) ON DELETE CASCADE,
    attribute_name  varchar(32)    NOT NULL,
    pending_value   varchar(2048)  NOT NULL,
    requested_at    timestamptz    NOT NULL,
    PRIMARY KEY (user_sub, attribute_name)
);
