-- Issue 8, import speed: a trajectory created by the exchange import gets one change_revision row
-- that holds its recorded fields and their values itself (in form order), instead of one
-- change_field row per field (about 11 per trajectory, each with its primary key entry and foreign
-- key check: 600,000 rows for a 50,000-row import). Read back as changes from "nothing" to the
-- value, exactly as those change_field rows were. The rules of change_field hold for the arrays:
-- field names of letters only, never the private reference, and a value for every field.
ALTER TABLE change_revision
    ADD COLUMN created_fields VARCHAR(40)[],
    ADD COLUMN created_values TEXT[],
    ADD CONSTRAINT change_revision_created CHECK (
        (created_fields IS NULL) = (created_values IS NULL)
        AND (created_fields IS NULL OR (
            event = 'IMPORTED' AND trajectory_id IS NOT NULL
            AND cardinality(created_fields) BETWEEN 1 AND 40
            AND cardinality(created_values) = cardinality(created_fields)
            AND array_position(created_fields, NULL) IS NULL
            AND array_position(created_values, NULL) IS NULL
            AND array_to_string(created_fields, ',') ~ '^[a-zA-Z]+(,[a-zA-Z]+)*$'
            AND NOT ('privateReference' = ANY (created_fields)))));
