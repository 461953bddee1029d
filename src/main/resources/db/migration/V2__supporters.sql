-- A practice supporter (praktijkondersteuner): a pseudonymous code, a pilot, at most one account.
CREATE TABLE supporter (
    id        BIGSERIAL PRIMARY KEY,
    code      VARCHAR(20) NOT NULL UNIQUE,
    pilot_id  BIGINT NOT NULL REFERENCES pilot (id),
    user_id   BIGINT UNIQUE REFERENCES app_user (id),
    version   INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT supporter_code_format CHECK (code ~ '^[A-Za-z0-9_-]{1,20}$')
);
CREATE INDEX supporter_pilot ON supporter (pilot_id);

-- The profile is dated: every change adds a row valid from that day, so a report uses the values
-- that held at a trajectory's start. Age and experience are stored as they were on valid_from and
-- grow with time (see supporter_profile_at).
CREATE TABLE supporter_profile (
    id                      BIGSERIAL PRIMARY KEY,
    supporter_id            BIGINT NOT NULL REFERENCES supporter (id) ON DELETE CASCADE,
    valid_from              DATE NOT NULL,
    function_type           VARCHAR(10) NOT NULL CHECK (function_type IN ('POH_JEUGD', 'SOH_JGGZ', 'OJG')),
    age                     SMALLINT CHECK (age BETWEEN 18 AND 80),
    gender                  VARCHAR(1) CHECK (gender IN ('M', 'V', 'X')),
    education               VARCHAR(10) CHECK (education IN ('HBO', 'WO', 'WO_PLUS', 'ANDERS')),
    education_other         VARCHAR(100),
    profession              VARCHAR(40) CHECK (profession IN ('SPV', 'VERPLEEGKUNDIG_SPECIALIST', 'MAATSCHAPPELIJK_WERKER',
                                 'ORTHOPEDAGOOG', 'PSYCHOLOOG', 'GZ_PSYCHOLOOG', 'ORTHOPEDAGOOG_GENERALIST',
                                 'PSYCHOTHERAPEUT', 'KLINISCH_PSYCHOLOOG', 'ANDERS')),
    profession_other        VARCHAR(100),
    experience_years        SMALLINT CHECK (experience_years BETWEEN 0 AND 50),
    other_experience        VARCHAR(500),
    seconding_organisation  VARCHAR(150),
    salaried_by_gp          BOOLEAN,
    funding                 VARCHAR(20) CHECK (funding IN ('GEMEENTE', 'ZORGVERZEKERAAR', 'HUISARTS', 'ANDERS')),
    funding_other           VARCHAR(100),
    hours_gp_practice       NUMERIC(3, 1) CHECK (hours_gp_practice BETWEEN 0 AND 40),
    hours_institution       NUMERIC(3, 1) CHECK (hours_institution BETWEEN 0 AND 40),
    hours_base_team         NUMERIC(3, 1) CHECK (hours_base_team BETWEEN 0 AND 40),
    housed_in_practice      BOOLEAN,
    pays_rent               BOOLEAN,
    uses_his                BOOLEAN,
    uses_zorgmail           BOOLEAN,
    registration_start      DATE,
    registration_end        DATE,
    version                 INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT supporter_profile_one_per_day UNIQUE (supporter_id, valid_from),
    CONSTRAINT supporter_profile_education_other CHECK (education_other IS NULL OR education = 'ANDERS'),
    CONSTRAINT supporter_profile_education_other_given CHECK (education IS DISTINCT FROM 'ANDERS' OR education_other IS NOT NULL),
    CONSTRAINT supporter_profile_profession_other CHECK (profession_other IS NULL OR profession = 'ANDERS'),
    CONSTRAINT supporter_profile_funding_other CHECK (funding_other IS NULL OR funding = 'ANDERS'),
    CONSTRAINT supporter_profile_registration_period CHECK (registration_end IS NULL OR registration_start IS NULL
                                                            OR registration_end >= registration_start)
);

-- The practices a supporter serves, with hours per week in each.
CREATE TABLE supporter_practice (
    supporter_id    BIGINT NOT NULL REFERENCES supporter (id) ON DELETE CASCADE,
    practice_id     BIGINT NOT NULL REFERENCES practice (id),
    hours_per_week  NUMERIC(3, 1) CHECK (hours_per_week BETWEEN 0 AND 40),
    PRIMARY KEY (supporter_id, practice_id)
);
CREATE INDEX supporter_practice_practice ON supporter_practice (practice_id);

-- The profile that held on a given day: the latest one valid on or before it, or else the first.
CREATE FUNCTION supporter_profile_at(p_supporter_id BIGINT, p_day DATE) RETURNS BIGINT
    LANGUAGE sql STABLE AS $$
    SELECT id FROM supporter_profile
     WHERE supporter_id = p_supporter_id
     ORDER BY (valid_from <= p_day) DESC,
              CASE WHEN valid_from <= p_day THEN valid_from END DESC,
              valid_from ASC
     LIMIT 1
$$;
