package nl.jeugdhulp.registratie.reporting;

import java.util.Optional;
import nl.jeugdhulp.registratie.reporting.stats.IndependenceTest;
import nl.jeugdhulp.registratie.reporting.stats.TestResult;

/** Adds the independence test to a single-answer table; multi-answer tables have none (rows overlap). */
final class ReportTestAttacher {

    private ReportTestAttacher() {
    }

    static ReportTable attach(ReportTable table) {
        if (table.multiAnswer()) {
            return table;
        }
        long[][] groupsOnly = new long[table.rows().size()][table.totalColumn()];
        for (int r = 0; r < groupsOnly.length; r++) {
            System.arraycopy(table.counts()[r], 0, groupsOnly[r], 0, table.totalColumn());
        }
        return new ReportTable(table.id(), table.population(), table.breakdown(), false, table.rowLabelPrefix(),
                table.rows(), table.counts(), table.n(), table.missing(), test(groupsOnly));
    }

    private static Optional<TestResult> test(long[][] counts) {
        return IndependenceTest.test(counts);
    }
}
