-- Security, audit trail and privacy (issue 7).

-- NEN 7513: a globally unique event id (the serial id is only unique in this database) and on whose
-- behalf the user acted (a project leader acts for a pilot).
ALTER TABLE audit_event ADD COLUMN event_id UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE audit_event ADD CONSTRAINT audit_event_event_id_unique UNIQUE (event_id);
ALTER TABLE audit_event ADD COLUMN on_behalf_of VARCHAR(100);

-- Throttling counts recent failed logins per name tried and per source address.
CREATE INDEX audit_event_failed_login_name ON audit_event (lower(username), occurred_at)
    WHERE event_type = 'LOGIN_FAILED';
CREATE INDEX audit_event_failed_login_address ON audit_event (source_address, occurred_at)
    WHERE event_type = 'LOGIN_FAILED';
CREATE INDEX audit_event_login_name ON audit_event (lower(username), id) WHERE event_type = 'LOGIN';

-- The audit table is append-only. UPDATE is always refused. DELETE is allowed only to the retention
-- job: it sets the transaction-local setting app.audit_retention_before to its cut-off, and only rows
-- older than that cut-off may go. Whatever the application asks, the cut-off must lie at least one
-- year in the past, so a wrong setting or a bug can never erase recent records. TRUNCATE is refused.
CREATE FUNCTION audit_event_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    cutoff TEXT := NULLIF(current_setting('app.audit_retention_before', true), '');
BEGIN
    IF TG_OP = 'DELETE' AND cutoff IS NOT NULL
        AND cutoff::timestamptz <= now() - INTERVAL '1 year'
        AND OLD.occurred_at < cutoff::timestamptz THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE FUNCTION audit_event_no_truncate() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: TRUNCATE refused' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_no_truncate();

-- The private-reference retention job finds closed trajectories that still carry a reference.
CREATE INDEX trajectory_private_reference_end ON trajectory (end_date)
    WHERE private_reference IS NOT NULL AND end_date IS NOT NULL;

-- Second factor (TOTP, RFC 6238): the base32 secret once enrolled, and the last time step used so a
-- code cannot be replayed. NULL secret: not enrolled yet.
ALTER TABLE app_user ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
