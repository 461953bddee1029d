-- Export (issue 8, sixth round): the four multi-answer groups also as bit masks, for the research
-- export. Sending the arrays was about a third of PostgreSQL's work per exported row (array_send per
-- element); an integer per group is a fixed four bytes. Bit i is option i of the group in the order of
-- the exchange format's 0/1 columns (registration.Codes, and the CHECK constraints of V4). NULL stays
-- NULL (not registered: `'X' = ANY (NULL)` is NULL), an empty array is 0 (registered as none).
--
-- Generated columns: PostgreSQL computes them on every INSERT and UPDATE, whatever writes the row (the
-- forms, the import's COPY, the API, the benchmark's growth), and nothing can write them directly, so
-- they cannot disagree with the arrays. Written out per option rather than as a SQL function over
-- unnest(): that function cost about 10 µs a call, these expressions about 1.5 µs for all four groups.
ALTER TABLE trajectory
    ADD COLUMN applicants_mask INTEGER GENERATED ALWAYS AS (
        ('JEUGDIGE' = ANY (applicants))::INTEGER | ((('OUDERS' = ANY (applicants))::INTEGER) << 1) |
        ((('SCHOOL' = ANY (applicants))::INTEGER) << 2) |
        ((('PROFESSIONAL' = ANY (applicants))::INTEGER) << 3) |
        ((('ANDERS' = ANY (applicants))::INTEGER) << 4)) STORED,
    ADD COLUMN interventions_mask INTEGER GENERATED ALWAYS AS (
        ('TRIAGE_SCREENING' = ANY (interventions))::INTEGER |
        ((('PSYCHO_EDUCATIE' = ANY (interventions))::INTEGER) << 1) |
        ((('ONDERSTEUNENDE_GESPREKKEN' = ANY (interventions))::INTEGER) << 2) |
        ((('OPVOEDONDERSTEUNING' = ANY (interventions))::INTEGER) << 3) |
        ((('BEMIDDELING_VERWIJZING' = ANY (interventions))::INTEGER) << 4) |
        ((('KORTDURENDE_BEHANDELING' = ANY (interventions))::INTEGER) << 5) |
        ((('OVERBRUGGINGSHULP' = ANY (interventions))::INTEGER) << 6) |
        ((('CRISISINTERVENTIE' = ANY (interventions))::INTEGER) << 7) |
        ((('MEDICATIEVRAGEN' = ANY (interventions))::INTEGER) << 8) |
        ((('ANDERS' = ANY (interventions))::INTEGER) << 9)) STORED,
    ADD COLUMN consultations_mask INTEGER GENERATED ALWAYS AS (
        ('HUISARTS' = ANY (consultations))::INTEGER |
        ((('LOKALE_ZORG' = ANY (consultations))::INTEGER) << 1) |
        ((('CJG_WIJKTEAM' = ANY (consultations))::INTEGER) << 2) |
        ((('SCHOOL' = ANY (consultations))::INTEGER) << 3)) STORED,
    ADD COLUMN referral_destinations_mask INTEGER GENERATED ALWAYS AS (
        ('SGGZ' = ANY (referral_destinations))::INTEGER |
        ((('BGGZ' = ANY (referral_destinations))::INTEGER) << 1) |
        ((('CJG_WIJKTEAM' = ANY (referral_destinations))::INTEGER) << 2) |
        ((('VRIJ_TOEGANKELIJK' = ANY (referral_destinations))::INTEGER) << 3) |
        ((('JEUGDHULP_JEUGDZORG' = ANY (referral_destinations))::INTEGER) << 4) |
        ((('JEUGDHULP_LVB' = ANY (referral_destinations))::INTEGER) << 5) |
        ((('JEUGDCONSULENT' = ANY (referral_destinations))::INTEGER) << 6) |
        ((('ANDERS' = ANY (referral_destinations))::INTEGER) << 7)) STORED;
