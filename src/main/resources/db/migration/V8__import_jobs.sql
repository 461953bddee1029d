-- Imports across instances (issue 4): the checked upload waiting for "Importeren", the import job with
-- its progress and result, and the rejected-rows file live here, not in one instance's memory or temp
-- folder, so a progress poll, the confirmation or a download may reach any instance behind the load
-- balancer. Files are stored as numbered 1 MB chunks (bytea): written and read one chunk at a time
-- (bounded memory for a 100 MB upload), removed with their row by ON DELETE CASCADE (a large object
-- would need its own lo_unlink and can be orphaned). A scheduled sweep deletes expired rows.

CREATE TABLE import_upload (
    id            UUID PRIMARY KEY,
    owner_id      BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    file_name     VARCHAR(120) NOT NULL,
    size_bytes    BIGINT NOT NULL,
    -- where the import goes and what the dry run found (JSON of exchange.ImportTarget / ImportPlan)
    target        JSONB NOT NULL,
    plan          JSONB NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL,
    -- the multipart limit is 100 MB; the database agrees
    CONSTRAINT import_upload_size CHECK (size_bytes BETWEEN 0 AND 104857600),
    CONSTRAINT import_upload_name_not_blank CHECK (btrim(file_name) <> '')
);
CREATE INDEX import_upload_owner ON import_upload (owner_id);
CREATE INDEX import_upload_expiry ON import_upload (expires_at);

CREATE TABLE import_upload_chunk (
    upload_id     UUID NOT NULL REFERENCES import_upload (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    data          BYTEA NOT NULL,
    PRIMARY KEY (upload_id, seq),
    CONSTRAINT import_upload_chunk_seq CHECK (seq >= 0),
    CONSTRAINT import_upload_chunk_size CHECK (octet_length(data) BETWEEN 1 AND 1048576)
);

CREATE TABLE import_job (
    id              UUID PRIMARY KEY,
    owner_id        BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    -- the checked upload the job reads; gone once the job has read it
    upload_id       UUID REFERENCES import_upload (id) ON DELETE SET NULL,
    file_name       VARCHAR(120) NOT NULL,
    valid_only      BOOLEAN NOT NULL,
    status          VARCHAR(10) NOT NULL,
    total_rows      INTEGER NOT NULL,
    processed_rows  INTEGER NOT NULL DEFAULT 0,
    written         BOOLEAN,
    created_count   INTEGER,
    updated_count   INTEGER,
    -- what the import did (JSON of exchange.ImportPlan) and why it failed
    result          JSONB,
    error           TEXT,
    -- one-time initial passwords of accounts the import created: shown once on the job page, then cleared
    new_accounts    JSONB,
    rejected_size   BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT import_job_status CHECK (status IN ('WAITING', 'RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT import_job_rows CHECK (total_rows >= 1 AND processed_rows >= 0),
    CONSTRAINT import_job_counts CHECK (coalesce(created_count, 0) >= 0 AND coalesce(updated_count, 0) >= 0),
    CONSTRAINT import_job_done_has_result CHECK (status <> 'DONE' OR (result IS NOT NULL AND written IS NOT NULL)),
    CONSTRAINT import_job_failed_has_error CHECK (status <> 'FAILED' OR error IS NOT NULL)
);
CREATE INDEX import_job_owner ON import_job (owner_id);
-- one job per checked upload, also when "Importeren" is sent twice at once (to two instances)
CREATE UNIQUE INDEX import_job_upload ON import_job (upload_id);
CREATE INDEX import_job_expiry ON import_job (expires_at);

-- The downloadable rejected rows of a finished job (a ZIP, see docs/exchange.md).
CREATE TABLE import_job_rejected_chunk (
    job_id        UUID NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    data          BYTEA NOT NULL,
    PRIMARY KEY (job_id, seq),
    CONSTRAINT import_job_rejected_chunk_seq CHECK (seq >= 0),
    CONSTRAINT import_job_rejected_chunk_size CHECK (octet_length(data) BETWEEN 1 AND 1048576)
);
