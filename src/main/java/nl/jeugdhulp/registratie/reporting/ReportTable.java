package nl.jeugdhulp.registratie.reporting;

import java.util.List;
import java.util.Optional;
import nl.jeugdhulp.registratie.reporting.stats.TestResult;

/**
 * One table of the report: rows are categories, columns the breakdown's groups followed by the
 * total. {@code counts[row][column]}, {@code n[column]} (trajectories with the variable known, or
 * for tables over help requests the number of requests) and {@code missing[column]}.
 * Percentages are of n; in a multi-answer table they add up to more than 100. A single-answer table
 * has one test of independence over all its rows; a multi-answer table, whose rows overlap, one per
 * row (that answer or not, by group) in {@code rowTests}.
 */
public record ReportTable(String id, Population population, Breakdown breakdown, boolean multiAnswer,
                          String rowLabelPrefix, List<String> rows, long[][] counts, long[] n, long[] missing,
                          Optional<TestResult> test, List<Optional<TestResult>> rowTests) {

    public ReportTable {
        rowTests = rowTests == null ? List.of() : List.copyOf(rowTests);
    }

    /** Column labels: the breakdown's groups and TOTAL. */
    public List<String> columns() {
        return java.util.stream.Stream.concat(breakdown.groups().stream(), java.util.stream.Stream.of("TOTAL")).toList();
    }

    public int totalColumn() {
        return breakdown.groups().size();
    }

    /** Whole percent, rounded half up; null when n is 0. */
    public Long percent(int row, int column) {
        return n[column] == 0 ? null : Math.round(100.0 * counts[row][column] / n[column]);
    }

    public long count(String row, String column) {
        return counts[rows.indexOf(row)][columns().indexOf(column)];
    }

    public long n(String column) {
        return n[columns().indexOf(column)];
    }

    public long missing(String column) {
        return missing[columns().indexOf(column)];
    }
}
