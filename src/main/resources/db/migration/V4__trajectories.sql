-- A client trajectory (cliënttraject). Anonymous by design: birth month and year only, no name,
-- address or BSN. Multi-answer variables are arrays of codes (NULL = not registered, {} = none);
-- CAP-J codes are a child table so they reference the administrable code list.
CREATE TABLE trajectory (
    id                     BIGSERIAL PRIMARY KEY,
    supporter_id           BIGINT NOT NULL REFERENCES supporter (id),
    practice_id            BIGINT NOT NULL REFERENCES practice (id),
    private_reference      VARCHAR(20),
    source_id              VARCHAR(60),
    birth_month            INTEGER CHECK (birth_month BETWEEN 1 AND 12),
    birth_year             INTEGER CHECK (birth_year BETWEEN 1900 AND 2200),
    gender                 VARCHAR(8) CHECK (gender IN ('M', 'V', 'X', 'ONBEKEND')),
    registration_date      DATE,
    start_date             DATE NOT NULL,
    help_request           TEXT NOT NULL CHECK (btrim(help_request) <> '' AND length(help_request) <= 2000),
    diagnosis_question     VARCHAR(25) CHECK (diagnosis_question IN ('GEEN', 'EERDERE_DIAGNOSE', 'BEHOEFTE_DIAGNOSTIEK')),
    diagnosis              VARCHAR(10) CHECK (diagnosis IN ('ADHD', 'ASS', 'ANDERS')),
    diagnosis_other        VARCHAR(100),
    applicants             VARCHAR(20)[] CHECK (applicants <@ ARRAY['JEUGDIGE', 'OUDERS', 'SCHOOL', 'PROFESSIONAL', 'ANDERS']::VARCHAR(20)[]
                                                AND cardinality(applicants) >= 1),
    applicant_other        VARCHAR(100),
    contacts               INTEGER CHECK (contacts BETWEEN 0 AND 200),
    last_contact_date      DATE,
    interventions          VARCHAR(30)[] CHECK (interventions <@ ARRAY['TRIAGE_SCREENING', 'PSYCHO_EDUCATIE', 'ONDERSTEUNENDE_GESPREKKEN',
                                 'OPVOEDONDERSTEUNING', 'BEMIDDELING_VERWIJZING', 'KORTDURENDE_BEHANDELING', 'OVERBRUGGINGSHULP',
                                 'CRISISINTERVENTIE', 'MEDICATIEVRAGEN', 'ANDERS']::VARCHAR(30)[]),
    intervention_other     VARCHAR(100),
    consultations          VARCHAR(20)[] CHECK (consultations <@ ARRAY['HUISARTS', 'LOKALE_ZORG', 'CJG_WIJKTEAM', 'SCHOOL']::VARCHAR(20)[]),
    end_date               DATE,
    outcome                VARCHAR(15) CHECK (outcome IN ('ZELF_AFGEROND', 'VERWEZEN', 'ANDERS')),
    outcome_other_reason   VARCHAR(15) CHECK (outcome_other_reason IN ('OVERBRUGGING', 'PARALLEL', 'INTENSIVERING', 'ANDERS')),
    outcome_other_text     VARCHAR(100),
    referral_moment        VARCHAR(25) CHECK (referral_moment IN ('NA_VRAAGVERHELDERING', 'NA_BEHANDELING')),
    referral_destinations  VARCHAR(20)[] CHECK (referral_destinations <@ ARRAY['SGGZ', 'BGGZ', 'CJG_WIJKTEAM', 'VRIJ_TOEGANKELIJK',
                                 'JEUGDHULP_JEUGDZORG', 'JEUGDHULP_LVB', 'JEUGDCONSULENT', 'ANDERS']::VARCHAR(20)[]),
    chain_partner          VARCHAR(150),
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT trajectory_source_unique UNIQUE (supporter_id, source_id),
    CONSTRAINT trajectory_birth_complete CHECK ((birth_month IS NULL) = (birth_year IS NULL)),
    -- Age at start, in whole years counted from the 15th of the birth month, is 0..23.
    CONSTRAINT trajectory_age_range CHECK (birth_year IS NULL OR (
        make_date(birth_year, birth_month, 15) <= start_date + 14
        AND start_date < make_date(birth_year + 24, birth_month, 15))),
    CONSTRAINT trajectory_registration_before_start CHECK (registration_date IS NULL OR registration_date <= start_date),
    CONSTRAINT trajectory_end_after_start CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT trajectory_last_contact_in_period CHECK (last_contact_date IS NULL OR (last_contact_date >= start_date
        AND (end_date IS NULL OR last_contact_date <= end_date))),
    CONSTRAINT trajectory_diagnosis_only_when_earlier CHECK (diagnosis IS NULL OR diagnosis_question = 'EERDERE_DIAGNOSE'),
    CONSTRAINT trajectory_diagnosis_other CHECK (diagnosis_other IS NULL OR diagnosis = 'ANDERS'),
    CONSTRAINT trajectory_applicant_other CHECK (applicant_other IS NULL OR 'ANDERS' = ANY (applicants)),
    CONSTRAINT trajectory_intervention_other CHECK (intervention_other IS NULL OR 'ANDERS' = ANY (interventions)),
    -- Closing: an end date needs an outcome and an outcome needs an end date.
    CONSTRAINT trajectory_outcome_when_closed CHECK ((end_date IS NULL) = (outcome IS NULL)),
    CONSTRAINT trajectory_reason_when_other CHECK ((outcome = 'ANDERS') = (outcome_other_reason IS NOT NULL)
                                                   OR outcome IS NULL AND outcome_other_reason IS NULL),
    CONSTRAINT trajectory_reason_text CHECK (outcome_other_text IS NULL OR outcome_other_reason = 'ANDERS'),
    -- Referred: moment and at least one destination, and only then.
    CONSTRAINT trajectory_referral_complete CHECK (
        CASE WHEN outcome = 'VERWEZEN'
             THEN referral_moment IS NOT NULL AND coalesce(cardinality(referral_destinations), 0) >= 1
             ELSE referral_moment IS NULL AND referral_destinations IS NULL END)
);
CREATE INDEX trajectory_supporter_open ON trajectory (supporter_id, start_date) WHERE end_date IS NULL;
CREATE INDEX trajectory_supporter_end ON trajectory (supporter_id, end_date) WHERE end_date IS NOT NULL;
CREATE INDEX trajectory_practice ON trajectory (practice_id);
CREATE INDEX trajectory_start ON trajectory (start_date);
CREATE INDEX trajectory_end ON trajectory (end_date);

-- The CAP-J classification of the help request: one or more codes, in the order given.
CREATE TABLE trajectory_capj (
    trajectory_id  BIGINT NOT NULL REFERENCES trajectory (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position BETWEEN 1 AND 5),
    capj_code      VARCHAR(6) NOT NULL REFERENCES capj_code (code),
    PRIMARY KEY (trajectory_id, position),
    CONSTRAINT trajectory_capj_once UNIQUE (trajectory_id, capj_code)
);
CREATE INDEX trajectory_capj_code ON trajectory_capj (capj_code);
