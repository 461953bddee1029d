-- Change history (issue 7): per change of a trajectory or a supporter profile one revision (who, in
-- which role, when in UTC, what kind of change) with the old and new value of every field that
-- changed. Written by the service layer in the transaction of the change. Values are codes as stored
-- (labels are looked up when shown); a supporter's private reference is never recorded, so the
-- retention job that erases it has nothing to erase here. Revisions go with their trajectory or
-- supporter when that is deleted.
CREATE TABLE change_revision (
    id             BIGSERIAL PRIMARY KEY,
    trajectory_id  BIGINT REFERENCES trajectory (id) ON DELETE CASCADE,
    supporter_id   BIGINT REFERENCES supporter (id) ON DELETE CASCADE,
    event          VARCHAR(20) NOT NULL CHECK (event IN ('CREATED', 'UPDATED', 'CONTACT_ADDED', 'CLOSED', 'REOPENED',
                                                         'IMPORTED', 'PROFILE_SAVED')),
    changed_at     TIMESTAMPTZ NOT NULL DEFAULT date_trunc('second', now()),
    -- No foreign key: the history outlives a removed account; the name is kept as it was then.
    user_id        BIGINT,
    username       VARCHAR(60) NOT NULL,
    role           VARCHAR(30) NOT NULL,
    CONSTRAINT change_revision_one_subject CHECK ((trajectory_id IS NULL) <> (supporter_id IS NULL))
);
CREATE INDEX change_revision_trajectory ON change_revision (trajectory_id, id) WHERE trajectory_id IS NOT NULL;
CREATE INDEX change_revision_supporter ON change_revision (supporter_id, id) WHERE supporter_id IS NOT NULL;

CREATE TABLE change_field (
    revision_id  BIGINT NOT NULL REFERENCES change_revision (id) ON DELETE CASCADE,
    position     SMALLINT NOT NULL CHECK (position >= 1),
    field        VARCHAR(40) NOT NULL CHECK (field ~ '^[a-zA-Z]+$' AND field <> 'privateReference'),
    old_value    TEXT,
    new_value    TEXT,
    PRIMARY KEY (revision_id, position),
    CONSTRAINT change_field_changed CHECK (old_value IS DISTINCT FROM new_value)
);
