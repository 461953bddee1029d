package nl.jeugdhulp.registratie.reporting;

import java.util.List;

/** The columns of a table: the supporter's function type, education or experience at the trajectory's start. */
public enum Breakdown {
    FUNCTION_TYPE("function_type", List.of("POH_JEUGD", "SOH_JGGZ", "OJG")),
    EDUCATION("education", List.of("HBO", "WO", "WO_PLUS")),
    EXPERIENCE("experience_category", List.of("LT5", "6_10", "11_15", "GT15"));

    final String column;
    private final List<String> groups;

    Breakdown(String column, List<String> groups) {
        this.column = column;
        this.groups = groups;
    }

    public List<String> groups() {
        return groups;
    }
}
