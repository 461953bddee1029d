-- Statistics for the small tables the reports and pages join (issue 8). Autovacuum analyzes a table after
-- 50 changes plus 10 % of its rows, so a pilot's dozen supporters, profiles and practices were never
-- analyzed: the planner then guessed a handful of trajectories per pilot and joined the CAP-J codes by a
-- nested loop, and the trimester report of the demo took 325 ms of PostgreSQL CPU instead of 50 ms
-- (docs/performance.md, "Statistics of the small tables"). Here a table is analyzed after 5 changes plus
-- 10 %; for tables this small an ANALYZE takes a millisecond.
ALTER TABLE pilot SET (autovacuum_analyze_threshold = 5);
ALTER TABLE municipality SET (autovacuum_analyze_threshold = 5);
ALTER TABLE pilot_municipality SET (autovacuum_analyze_threshold = 5);
ALTER TABLE practice SET (autovacuum_analyze_threshold = 5);
ALTER TABLE practice_discipline SET (autovacuum_analyze_threshold = 5);
ALTER TABLE supporter SET (autovacuum_analyze_threshold = 5);
ALTER TABLE supporter_profile SET (autovacuum_analyze_threshold = 5);
ALTER TABLE supporter_practice SET (autovacuum_analyze_threshold = 5);
ALTER TABLE app_user SET (autovacuum_analyze_threshold = 5);
ALTER TABLE user_pilot SET (autovacuum_analyze_threshold = 5);
ALTER TABLE user_municipality SET (autovacuum_analyze_threshold = 5);
ALTER TABLE capj_axis SET (autovacuum_analyze_threshold = 5);
ALTER TABLE capj_code SET (autovacuum_analyze_threshold = 5);
ANALYZE pilot, municipality, pilot_municipality, practice, practice_discipline, supporter, supporter_profile,
        supporter_practice, app_user, user_pilot, user_municipality, capj_axis, capj_code;
