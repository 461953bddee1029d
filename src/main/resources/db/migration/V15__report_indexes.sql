-- Issue 8, report speed: the trimester report reads the trajectories started in its period and
-- those closed in it, each once per report (see docs/performance.md). These covering indexes hold
-- every column those two passes read, so PostgreSQL answers them with an index-only scan over one
-- contiguous key range instead of visiting a heap page per trajectory (the year's trajectories lie
-- scattered over the whole table). id is included for the help requests (trajectory_capj), which
-- are read through their own unique index (trajectory_id, capj_code).
CREATE INDEX trajectory_report_started ON trajectory (start_date)
    INCLUDE (id, supporter_id, practice_id, birth_year, birth_month, gender, registration_date,
             diagnosis_question, diagnosis, applicants);

CREATE INDEX trajectory_report_closed ON trajectory (end_date)
    INCLUDE (id, start_date, supporter_id, practice_id, contacts, applicants, interventions, consultations,
             outcome, outcome_other_reason, referral_moment, referral_destinations)
    WHERE end_date IS NOT NULL;
