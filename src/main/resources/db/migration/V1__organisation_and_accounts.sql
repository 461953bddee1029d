-- Organisation: pilots, municipalities, GP practices. Every editable table has a version column
-- for optimistic locking.

CREATE TABLE pilot (
    id            BIGSERIAL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL UNIQUE,
    organisation  VARCHAR(150),
    start_date    DATE,
    end_date      DATE,
    version       INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT pilot_dates_in_order CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CONSTRAINT pilot_name_not_blank CHECK (btrim(name) <> '')
);

CREATE TABLE municipality (
    id        BIGSERIAL PRIMARY KEY,
    name      VARCHAR(100) NOT NULL,
    cbs_code  CHAR(6) NOT NULL UNIQUE,
    version   INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT municipality_cbs_code_format CHECK (cbs_code ~ '^GM[0-9]{4}$'),
    CONSTRAINT municipality_name_not_blank CHECK (btrim(name) <> '')
);

CREATE TABLE pilot_municipality (
    pilot_id         BIGINT NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
    municipality_id  BIGINT NOT NULL REFERENCES municipality (id),
    PRIMARY KEY (pilot_id, municipality_id)
);
CREATE INDEX pilot_municipality_municipality ON pilot_municipality (municipality_id);

CREATE TABLE practice (
    id                     BIGSERIAL PRIMARY KEY,
    name                   VARCHAR(150) NOT NULL,
    pilot_id               BIGINT NOT NULL REFERENCES pilot (id),
    municipality_id        BIGINT NOT NULL REFERENCES municipality (id),
    number_of_gps          NUMERIC(4, 1) CHECK (number_of_gps BETWEEN 0 AND 50),
    average_gp_age         NUMERIC(4, 1) CHECK (average_gp_age BETWEEN 20 AND 90),
    cooperative_member     BOOLEAN,
    registered_patients    INTEGER CHECK (registered_patients BETWEEN 0 AND 100000),
    patients_under_18      INTEGER CHECK (patients_under_18 BETWEEN 0 AND 100000),
    other_disciplines      TEXT,
    version                INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT practice_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT practice_youth_within_patients CHECK (patients_under_18 IS NULL OR registered_patients IS NULL
                                                     OR patients_under_18 <= registered_patients),
    CONSTRAINT practice_name_unique_in_pilot UNIQUE (pilot_id, name)
);
CREATE INDEX practice_municipality ON practice (municipality_id);

-- Other disciplines in the practice (POH-GGZ, POH-somatiek, ...), per category a number (FTE or persons).
CREATE TABLE practice_discipline (
    practice_id  BIGINT NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
    category     VARCHAR(60) NOT NULL,
    amount       NUMERIC(4, 1) NOT NULL CHECK (amount BETWEEN 0 AND 100),
    PRIMARY KEY (practice_id, category)
);

-- Accounts. Users are staff; their names are not client data.
CREATE TABLE app_user (
    id                    BIGSERIAL PRIMARY KEY,
    username              VARCHAR(60) NOT NULL,
    password_hash         VARCHAR(200) NOT NULL,
    role                  VARCHAR(30) NOT NULL,
    enabled               BOOLEAN NOT NULL DEFAULT TRUE,
    must_change_password  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login_at         TIMESTAMPTZ,
    version               INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT app_user_role_known CHECK (role IN ('BEHEERDER', 'PROJECTLEIDER', 'PRAKTIJKONDERSTEUNER', 'GEMEENTE', 'ONDERZOEKER')),
    CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9._-]{3,60}$')
);
CREATE UNIQUE INDEX app_user_username_unique ON app_user (lower(username));

-- Scope of a project leader: the pilots they run.
CREATE TABLE user_pilot (
    user_id   BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    pilot_id  BIGINT NOT NULL REFERENCES pilot (id),
    PRIMARY KEY (user_id, pilot_id)
);

-- Scope of a municipal user: the municipalities they work for.
CREATE TABLE user_municipality (
    user_id          BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    municipality_id  BIGINT NOT NULL REFERENCES municipality (id),
    PRIMARY KEY (user_id, municipality_id)
);
