-- Second factor: TOTP secrets encrypted at rest, and passkeys (issue 7; docs/security.md).

-- Encrypted secrets are 'v1:' + base64(nonce, ciphertext, tag) = 67 characters. Existing plaintext
-- secrets cannot be encrypted here (the key is the application's, not the database's): the application
-- encrypts them at start-up (TotpSecretEncryptionAtStart) and never accepts plaintext when reading.
ALTER TABLE app_user ALTER COLUMN totp_secret TYPE VARCHAR(100);

-- Spring Security's WebAuthn JDBC repositories (JdbcPublicKeyCredentialUserEntityRepository,
-- JdbcUserCredentialRepository): the DDL of spring-security-web 7.1.2
-- (org/springframework/security/user-entities-schema.sql, user-credentials-schema-postgres.sql).
-- user_entities.name is the application's username; id is a random WebAuthn user handle. Added to
-- Spring's DDL: the unique name, the foreign key with cascade, and the transports default.
CREATE TABLE user_entities
(
    id           VARCHAR(1000) NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    display_name VARCHAR(200),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX user_entities_name ON user_entities (name);

CREATE TABLE user_credentials
(
    credential_id                VARCHAR(1000) NOT NULL,
    user_entity_user_id          VARCHAR(1000) NOT NULL REFERENCES user_entities (id) ON DELETE CASCADE,
    public_key                   BYTEA         NOT NULL,
    signature_count              BIGINT,
    uv_initialized               BOOLEAN,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000) DEFAULT '', -- Spring's reader splits it: never NULL by default
    public_key_credential_type   VARCHAR(100),
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           BYTEA,
    attestation_client_data_json BYTEA,
    created                      TIMESTAMP,
    last_used                    TIMESTAMP,
    label                        VARCHAR(1000) NOT NULL,
    PRIMARY KEY (credential_id)
);
CREATE INDEX user_credentials_user ON user_credentials (user_entity_user_id);
