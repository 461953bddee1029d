package nl.jeugdhulp.registratie.reporting;

/** Which trajectories a table counts, as the study does. */
public enum Population {
    /** Started in the period: intake tables. */
    STARTED("t.start_date BETWEEN :from AND :to"),
    /** Closed in the period: process and outcome tables. */
    CLOSED("t.end_date BETWEEN :from AND :to"),
    /**
     * Open at the period's last day: caseload. Still open counts as ending at infinity: one range on
     * the index {@code trajectory_report_active} (V17) instead of an OR over all trajectories. The
     * report counts it inside the {@link #ACTIVE} pass of {@code SupporterFigures} (a subset of it).
     */
    OPEN_AT_END("t.start_date <= :to AND coalesce(t.end_date, DATE 'infinity') > :to"),
    /** Open on at least one day of the period: who was active (same index as {@link #OPEN_AT_END}). */
    ACTIVE("t.start_date <= :to AND coalesce(t.end_date, DATE 'infinity') >= :from"),
    /**
     * Client questionnaires filled in during the period (T16–T18): counted by the questionnaire
     * module, never joined to trajectories; the condition is on the response table.
     */
    RESPONSES("r.response_date BETWEEN :from AND :to");

    final String condition;

    Population(String condition) {
        this.condition = condition;
    }
}
