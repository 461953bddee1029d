package nl.jeugdhulp.registratie.reporting.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomTablesTest {

    @Test
    void keepsTheMarginsOfRandomTables() {
        SplittableRandom margins = new SplittableRandom(42);
        for (int trial = 0; trial < 500; trial++) {
            int rows = 2 + margins.nextInt(5);
            int columns = 2 + margins.nextInt(5);
            long n = trial % 5 == 0 ? margins.nextLong(100_000) : margins.nextLong(60);
            long[] rowTotals = split(n, rows, margins);
            long[] columnTotals = split(n, columns, margins);
            RandomTables random = new RandomTables(rowTotals, columnTotals, new SplittableRandom(trial));
            long[][] table = new long[rows][columns];
            for (int draw = 0; draw < 20; draw++) {
                random.next(table);
                long[] rowSums = new long[rows];
                long[] columnSums = new long[columns];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < columns; j++) {
                        assertThat(table[i][j]).isNotNegative();
                        rowSums[i] += table[i][j];
                        columnSums[j] += table[i][j];
                    }
                }
                assertThat(rowSums).containsExactly(rowTotals);
                assertThat(columnSums).containsExactly(columnTotals);
            }
        }
    }

    /** n split into parts at random cut points, so some parts are zero (also used by the equivalence test). */
    static long[] split(long n, int parts, SplittableRandom random) {
        long[] cuts = new long[parts + 1];
        cuts[parts] = n;
        for (int k = 1; k < parts; k++) {
            cuts[k] = n == 0 ? 0 : random.nextLong(n + 1);
        }
        java.util.Arrays.sort(cuts, 1, parts);
        long[] result = new long[parts];
        for (int k = 0; k < parts; k++) {
            result[k] = cuts[k + 1] - cuts[k];
        }
        return result;
    }

    @Test
    void twoByTwoFollowsTheHypergeometricDistribution() {
        // rows 4/4, columns 4/4: P(top-left = x) = C(4,x)·C(4,4−x)/C(8,4) = 1, 16, 36, 16, 1 (/70)
        RandomTables random = new RandomTables(new long[] {4, 4}, new long[] {4, 4}, new SplittableRandom(1));
        long[][] table = new long[2][2];
        int draws = 70_000;
        int[] frequency = new int[5];
        for (int d = 0; d < draws; d++) {
            random.next(table);
            frequency[(int) table[0][0]]++;
        }
        int[] expected = {1_000, 16_000, 36_000, 16_000, 1_000};
        for (int x = 0; x <= 4; x++) {
            // within 4 standard errors
            double se = Math.sqrt(expected[x] * (1 - expected[x] / (double) draws));
            assertThat((double) frequency[x]).as("x = %d", x).isCloseTo(expected[x], within(4 * se));
        }
    }

    @Test
    void cellMeansAreTheExpectedCounts() {
        // E[cell] = row total · column total / n, also for large n, where the draws start at the mode
        long[] rowTotals = {60_000, 25_000, 14_990, 10};
        long[] columnTotals = {50_000, 35_000, 15_000};
        long n = 100_000;
        RandomTables random = new RandomTables(rowTotals, columnTotals, new SplittableRandom(3));
        long[][] table = new long[4][3];
        double[][] sum = new double[4][3];
        int draws = 20_000;
        for (int d = 0; d < draws; d++) {
            random.next(table);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 3; j++) {
                    sum[i][j] += table[i][j];
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = (double) rowTotals[i] * columnTotals[j] / n;
                // the variance of a cell is at most its expected count; 5 standard errors of the mean
                double tolerance = 5 * Math.sqrt(expected / draws);
                assertThat(sum[i][j] / draws).as("cell %d,%d", i, j).isCloseTo(expected, within(tolerance));
            }
        }
    }

    @Test
    void sameSeedSameTables() {
        long[] rowTotals = {7, 3, 12};
        long[] columnTotals = {10, 2, 10};
        RandomTables first = new RandomTables(rowTotals, columnTotals, new SplittableRandom(9));
        RandomTables second = new RandomTables(rowTotals, columnTotals, new SplittableRandom(9));
        long[][] a = new long[3][3];
        long[][] b = new long[3][3];
        for (int d = 0; d < 100; d++) {
            first.next(a);
            second.next(b);
            assertThat(b).isDeepEqualTo(a);
        }
    }

    @Test
    void marginsMustAgree() {
        assertThatThrownBy(() -> new RandomTables(new long[] {3, 4}, new long[] {3, 3}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomTables(new long[] {-1, 4}, new long[] {3, 0}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logFactorialIsExactOnBothSidesOfTheTable() {
        double sum = 0;
        for (int k = 1; k <= 5000; k++) {
            sum += Math.log(k);
            assertThat(RandomTables.logFactorial(k)).as("ln %d!", k).isCloseTo(sum, within(1e-9 * Math.max(1, sum)));
        }
        assertThat(RandomTables.logFactorial(0)).isEqualTo(0.0);
        assertThat(RandomTables.logFactorial(1)).isEqualTo(0.0);
    }
}
