-- Statistics for the small tables the reports and pages join (issue 8). Autovacuum analyzes a table after
-- 50 changes plus 10 % of its rows, so a pilot's dozen supporters, profiles and practices were never
-- analyzed: the planner then guessed a handful of trajectories per pilot and joined the CAP-J codes by a
-- nested loop, and the trimester report of the demo took 325 ms of PostgreSQL CPU instead of 50 ms
-- (docs/performance.md, "Statistics of the small tables"). Here a table is analyzed after 5 changes plus
-- 10 %; for tables this small an ANALYZE takes a millisecond.
DO $$
DECLARE
    small text;
BEGIN
    FOREACH small IN ARRAY ARRAY['pilot', 'municipality', 'pilot_municipality', 'practice', 'practice_discipline',
                                 'supporter', 'supporter_profile', 'supporter_practice', 'app_user', 'user_pilot',
                                 'user_municipality', 'capj_axis', 'capj_code'] LOOP
        EXECUTE format('ALTER TABLE %I SET (autovacuum_analyze_threshold = 5)', small);
        EXECUTE format('ANALYZE %I', small);
    END LOOP;
END $$;
