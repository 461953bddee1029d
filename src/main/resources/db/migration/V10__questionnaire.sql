-- Client questionnaire (appendix 3 of the study): anonymous responses of young people and parents.

-- A supporter's personal link: an unguessable random token (URL-safe base64 of 32 random bytes),
-- never the supporter id, so links cannot be enumerated.
CREATE TABLE questionnaire_link (
    supporter_id  BIGINT PRIMARY KEY REFERENCES supporter (id) ON DELETE CASCADE,
    token         VARCHAR(43) NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT questionnaire_link_token_format CHECK (token ~ '^[A-Za-z0-9_-]{43}$')
);

-- One response. Anonymous by design: pilot, function type and supporter (for aggregates), the day it
-- was sent, and the answers; no time of day, address, browser or trajectory. form_token is the
-- one-time token the form was issued with: UNIQUE, so a second submit of the same form stores nothing.
CREATE TABLE questionnaire_response (
    id               BIGSERIAL PRIMARY KEY,
    pilot_id         BIGINT NOT NULL REFERENCES pilot (id),
    function_type    VARCHAR(10) NOT NULL CHECK (function_type IN ('POH_JEUGD', 'SOH_JGGZ', 'OJG')),
    supporter_id     BIGINT NOT NULL REFERENCES supporter (id),
    response_date    DATE NOT NULL,
    source           VARCHAR(5) NOT NULL CHECK (source IN ('WEB', 'PAPER')),
    form_token       VARCHAR(100) NOT NULL UNIQUE,
    understand       SMALLINT CHECK (understand BETWEEN 0 AND 10),
    listen           SMALLINT CHECK (listen BETWEEN 0 AND 10),
    involve          SMALLINT CHECK (involve BETWEEN 0 AND 10),
    goal             VARCHAR(1000),
    goal_attainment  VARCHAR(20) CHECK (goal_attainment IN ('MINDER_GOED', 'HETZELFDE', 'DEEL_BEREIKT',
                                                           'BEREIKT', 'MEER_BEREIKT', 'VEEL_MEER_BEREIKT')),
    recommend        VARCHAR(20) CHECK (recommend IN ('HELEMAAL_NIET_EENS', 'NIET_EENS', 'WEL_EENS', 'HELEMAAL_EENS')),
    learned          VARCHAR(20) CHECK (learned IN ('HELEMAAL_NIET_EENS', 'NIET_EENS', 'WEL_EENS', 'HELEMAAL_EENS')),
    confidence       VARCHAR(20) CHECK (confidence IN ('HELEMAAL_NIET_EENS', 'NIET_EENS', 'WEL_EENS', 'HELEMAAL_EENS')),
    remarks          VARCHAR(2000),
    CONSTRAINT questionnaire_response_goal_not_blank CHECK (goal IS NULL OR btrim(goal) <> ''),
    CONSTRAINT questionnaire_response_remarks_not_blank CHECK (remarks IS NULL OR btrim(remarks) <> '')
);
CREATE INDEX questionnaire_response_supporter ON questionnaire_response (supporter_id, response_date);
CREATE INDEX questionnaire_response_pilot ON questionnaire_response (pilot_id, response_date);
