package nl.jeugdhulp.registratie.reporting;

/** Which trajectories a table counts, as the study does. */
public enum Population {
    /** Started in the period: intake tables. */
    STARTED("t.start_date BETWEEN :from AND :to"),
    /** Closed in the period: process and outcome tables. */
    CLOSED("t.end_date BETWEEN :from AND :to"),
    /** Open at the period's last day: caseload. */
    OPEN_AT_END("t.start_date <= :to AND (t.end_date IS NULL OR t.end_date > :to)"),
    /** Open on at least one day of the period: who was active. */
    ACTIVE("t.start_date <= :to AND (t.end_date IS NULL OR t.end_date >= :from)"),
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
