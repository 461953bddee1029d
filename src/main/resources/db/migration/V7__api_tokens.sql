-- Personal API tokens for scripts. Only the SHA-256 hash (hex) of a token is stored; the token itself
-- is shown once when it is created. A token acts as its user, with the user's role and scope.
CREATE TABLE api_token (
    id            BIGSERIAL PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name          VARCHAR(60) NOT NULL,
    token_hash    CHAR(64) NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    CONSTRAINT api_token_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT api_token_hash_format CHECK (token_hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX api_token_user ON api_token (user_id);
