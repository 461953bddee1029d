-- Report (issue 8): the trajectories open on the period's last day (caseload) and those open on some
-- day of it (the supporters' figures) as one index range: a trajectory still open counts as ending at
-- infinity. The plain end_date is included because PostgreSQL answers from an expression index
-- without the table only when the columns under the expression are in the index too.
CREATE INDEX trajectory_report_active ON trajectory ((coalesce(end_date, DATE 'infinity')))
    INCLUDE (end_date, start_date, supporter_id, practice_id);
