-- NEN 7513 access log: one row per create (C), read (R), update (U), delete (D) or execute (E)
-- on trajectory data, and per login and failed login. Written by the application, never changed.
CREATE TABLE audit_event (
    id              BIGSERIAL PRIMARY KEY,
    occurred_at     TIMESTAMPTZ NOT NULL DEFAULT date_trunc('second', now()),
    user_id         BIGINT,
    username        VARCHAR(60),
    role            VARCHAR(30),
    action          CHAR(1) NOT NULL CHECK (action IN ('C', 'R', 'U', 'D', 'E')),
    event_type      VARCHAR(40) NOT NULL,
    object_type     VARCHAR(40),
    object_id       VARCHAR(40),
    pilot_id        BIGINT,
    source_address  VARCHAR(64),
    outcome         VARCHAR(10) NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    details         VARCHAR(500)
);
CREATE INDEX audit_event_time ON audit_event (occurred_at);
CREATE INDEX audit_event_object ON audit_event (object_type, object_id);
CREATE INDEX audit_event_user ON audit_event (user_id, occurred_at);
