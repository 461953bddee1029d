package nl.jeugdhulp.registratie.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.jeugdhulp.registratie.reporting.stats.IndependenceTest;
import nl.jeugdhulp.registratie.reporting.stats.TestResult;

/** Adds the tests of independence between the groups: one per single-answer table, one per row otherwise. */
final class ReportTestAttacher {

    private ReportTestAttacher() {
    }

    static ReportTable attach(ReportTable table) {
        int groups = table.totalColumn();
        if (table.multiAnswer()) {
            // Per row: trajectories with that answer versus without it, by group.
            List<Optional<TestResult>> rowTests = new ArrayList<>();
            for (long[] row : table.counts()) {
                long[][] yesNo = new long[2][groups];
                for (int g = 0; g < groups; g++) {
                    yesNo[0][g] = row[g];
                    yesNo[1][g] = table.n()[g] - row[g];
                }
                rowTests.add(test(yesNo));
            }
            return new ReportTable(table.id(), table.population(), table.breakdown(), true, table.rowLabelPrefix(),
                    table.rows(), table.counts(), table.n(), table.missing(), Optional.empty(), rowTests);
        }
        long[][] groupsOnly = new long[table.rows().size()][groups];
        for (int r = 0; r < groupsOnly.length; r++) {
            System.arraycopy(table.counts()[r], 0, groupsOnly[r], 0, groups);
        }
        return new ReportTable(table.id(), table.population(), table.breakdown(), false, table.rowLabelPrefix(),
                table.rows(), table.counts(), table.n(), table.missing(), test(groupsOnly), List.of());
    }

    private static Optional<TestResult> test(long[][] counts) {
        return IndependenceTest.test(counts);
    }
}
