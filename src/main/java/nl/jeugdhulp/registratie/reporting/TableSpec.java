package nl.jeugdhulp.registratie.reporting;

import java.util.List;
import java.util.function.Function;

/**
 * How to count one categorical table in SQL. What is counted is the population {@code pop}, or
 * with {@code joins} pop joined to its help requests; {@code known} says when the variable is known;
 * {@code missing} when a trajectory counts as missing; each row has its own condition. All SQL here
 * is fixed text from code, never user input. The conditions read columns of {@code pop} by name (see
 * {@link ReportQueries#CUBE_COLUMNS}).
 */
record TableSpec(String id, Population population, boolean multiAnswer, String rowLabelPrefix, List<Row> rows,
                 String joins, String known, String missing) {

    record Row(String code, String condition) {
    }

    /** No joins: the table counts trajectories. */
    static final String POP = "";

    /** A single-answer variable: one column holding one code. */
    static TableSpec single(String id, Population population, String prefix, String column, List<String> codes) {
        return new TableSpec(id, population, false, prefix, rows(codes, c -> column + " = '" + c + "'"), POP,
                column + " IS NOT NULL", column + " IS NULL");
    }

    /** A multi-answer variable: an array of codes, NULL when not registered. */
    static TableSpec multi(String id, Population population, String prefix, String column, List<String> codes) {
        return new TableSpec(id, population, true, prefix, rows(codes, c -> "'" + c + "' = ANY (" + column + ")"), POP,
                column + " IS NOT NULL", column + " IS NULL");
    }

    /** Classes of a number (e.g. contacts 1-2, 3-5, ...): each row a condition on the column. */
    static TableSpec classes(String id, Population population, String prefix, String column, List<Row> rows) {
        return new TableSpec(id, population, false, prefix, rows, POP, column + " IS NOT NULL", column + " IS NULL");
    }

    TableSpec where(String extraCondition) {
        return new TableSpec(id, population, multiAnswer, rowLabelPrefix, rows, joins,
                "(" + known + ") AND " + extraCondition, "(" + missing + ") AND " + extraCondition);
    }

    static List<Row> rows(List<String> codes, Function<String, String> condition) {
        return codes.stream().map(c -> {
            if (!c.matches("[A-Z0-9_]+")) {
                throw new IllegalArgumentException("code " + c);
            }
            return new Row(c, condition.apply(c));
        }).toList();
    }
}
