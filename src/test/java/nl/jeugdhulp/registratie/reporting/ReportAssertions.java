package nl.jeugdhulp.registratie.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares a whole report table (counts, n and missing per column) with an expected matrix written
 * as text, one line per row:
 *
 * <pre>
 *                 POH_JEUGD SOH_JGGZ OJG TOTAL
 * ZELF_AFGEROND           1        1   1     3
 * ...
 * n                       3        4   3    10
 * missing                 0        0   0     0
 * </pre>
 *
 * The header must be the table's columns, the rows its rows in order. A line {@code ...} in place
 * of rows means: only the rows listed are shown, every other row is zero in every column (for the
 * CAP-J group tables, whose rows come from the administrable code list). On a mismatch the
 * failure shows both matrices side by side.
 */
final class ReportAssertions {

    static final String ELLIPSIS = "...";

    private ReportAssertions() {
    }

    static ReportTable table(Report report, String id, Breakdown breakdown) {
        return report.table(id, breakdown)
                .orElseThrow(() -> new AssertionError("no table " + id + " per " + breakdown));
    }

    static void assertTable(Report report, String id, Breakdown breakdown, String expected) {
        assertTable(table(report, id, breakdown), expected);
    }

    static void assertTable(ReportTable table, String expected) {
        List<String> lines = expected.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> String.join(" ", l.split("\\s+"))).toList();
        boolean onlyNonZero = lines.contains(ELLIPSIS);
        assertThat(render(table, onlyNonZero))
                .as("table %s per %s", table.id(), table.breakdown())
                .isEqualTo(String.join("\n", lines));
    }

    /** The table in the same text form, single spaces between cells. */
    static String render(ReportTable table, boolean onlyNonZeroRows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" ", table.columns()));
        for (int r = 0; r < table.rows().size(); r++) {
            long[] row = table.counts()[r];
            if (onlyNonZeroRows && Arrays.stream(row).allMatch(c -> c == 0)) {
                continue;
            }
            lines.add(table.rows().get(r) + " " + join(row));
        }
        if (onlyNonZeroRows) {
            lines.add(ELLIPSIS);
        }
        lines.add("n " + join(table.n()));
        lines.add("missing " + join(table.missing()));
        return String.join("\n", lines);
    }

    /** True when every count, n and missing of the table is zero. */
    static boolean empty(ReportTable table) {
        return Arrays.stream(table.counts()).flatMapToLong(Arrays::stream).allMatch(c -> c == 0)
                && Arrays.stream(table.n()).allMatch(c -> c == 0) && Arrays.stream(table.missing()).allMatch(c -> c == 0);
    }

    private static String join(long[] values) {
        return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(" "));
    }
}
