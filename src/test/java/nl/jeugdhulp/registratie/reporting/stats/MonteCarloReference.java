package nl.jeugdhulp.registratie.reporting.stats;

import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * The Monte Carlo test as it was before its tables were drawn from remembered walks (commit 31e56da):
 * {@code IndependenceTest.test} and {@code RandomTables} copied (only the hypergeometric draw takes its first
 * uniform number as a parameter, so that a test can choose it), the reference that
 * {@link IndependenceTestEquivalenceTest} holds the faster code to, value for value.
 */
final class MonteCarloReference {

    private static final double TIE_TOLERANCE = 1e-9;

    private MonteCarloReference() {
    }

    static Optional<TestResult> test(long[][] counts) {
        long[][] table = IndependenceTest.withoutEmptyRowsAndColumns(counts);
        int rows = table.length;
        int columns = rows == 0 ? 0 : table[0].length;
        if (rows < 2 || columns < 2) {
            return Optional.empty();
        }
        long[] rowTotals = new long[rows];
        long[] columnTotals = new long[columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                rowTotals[i] += table[i][j];
                columnTotals[j] += table[i][j];
            }
        }
        long n = 0;
        for (long total : rowTotals) {
            n = Math.addExact(n, total);
        }
        int degreesOfFreedom = (rows - 1) * (columns - 1);
        double[][] expected = new double[rows][columns];
        double minExpected = Double.POSITIVE_INFINITY;
        boolean anySmall = false;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                long product = Math.multiplyExact(rowTotals[i], columnTotals[j]);
                expected[i][j] = (double) product / n;
                minExpected = Math.min(minExpected, expected[i][j]);
                anySmall |= product < Math.multiplyExact((long) IndependenceTest.MIN_EXPECTED, n);
            }
        }
        boolean smallSample = n < IndependenceTest.SMALL_N;
        if (!anySmall) {
            SignificanceResult result = ChiSquareTest.withDefaults().test(table);
            return Optional.of(new TestResult(TestResult.Method.CHI_SQUARE, result.getStatistic(), degreesOfFreedom,
                    result.getPValue(), null, minExpected, n, smallSample));
        }
        double observed = pearson(table, expected);
        double threshold = observed - TIE_TOLERANCE;
        OldRandomTables random = new OldRandomTables(rowTotals, columnTotals, new SplittableRandom(IndependenceTest.SEED));
        long[][] permuted = new long[rows][columns];
        int atLeastAsLarge = 0;
        for (int b = 0; b < IndependenceTest.PERMUTATIONS; b++) {
            random.next(permuted);
            if (pearson(permuted, expected) >= threshold) {
                atLeastAsLarge++;
            }
        }
        double pValue = (1.0 + atLeastAsLarge) / (1.0 + IndependenceTest.PERMUTATIONS);
        return Optional.of(new TestResult(TestResult.Method.MONTE_CARLO, observed, degreesOfFreedom, pValue,
                IndependenceTest.PERMUTATIONS, minExpected, n, smallSample));
    }

    static double pearson(long[][] table, double[][] expected) {
        double sum = 0;
        for (int i = 0; i < table.length; i++) {
            long[] row = table[i];
            double[] expectedRow = expected[i];
            for (int j = 0; j < row.length; j++) {
                double difference = row[j] - expectedRow[j];
                sum += difference * difference / expectedRow[j];
            }
        }
        return sum;
    }

    /** Patefield's algorithm as it was. */
    static final class OldRandomTables {

        private static final int LOG_FACTORIAL_TABLE_SIZE = 1024;
        private static final double[] LOG_FACTORIAL = new double[LOG_FACTORIAL_TABLE_SIZE];
        private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

        static {
            for (int k = 2; k < LOG_FACTORIAL_TABLE_SIZE; k++) {
                LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
            }
        }

        private final long[] rowTotals;
        private final long[] columnTotals;
        private final long n;
        private final long[] columnsLeft;
        private final SplittableRandom random;

        OldRandomTables(long[] rowTotals, long[] columnTotals, SplittableRandom random) {
            if (rowTotals.length == 0 || columnTotals.length == 0) {
                throw new IllegalArgumentException("at least one row and one column");
            }
            long rowSum = sum(rowTotals);
            if (rowSum != sum(columnTotals)) {
                throw new IllegalArgumentException("row totals sum to " + rowSum + ", column totals to " + sum(columnTotals));
            }
            this.rowTotals = rowTotals.clone();
            this.columnTotals = columnTotals.clone();
            this.n = rowSum;
            this.columnsLeft = new long[columnTotals.length];
            this.random = random;
        }

        void next(long[][] table) {
            int rows = rowTotals.length;
            int columns = columnTotals.length;
            System.arraycopy(columnTotals, 0, columnsLeft, 0, columns);
            long inRowsFromHere = n;
            for (int l = 0; l < rows - 1; l++) {
                long rowLeft = rowTotals[l];
                long block = inRowsFromHere;
                inRowsFromHere -= rowTotals[l];
                long[] row = table[l];
                for (int m = 0; m < columns - 1; m++) {
                    long columnLeft = columnsLeft[m];
                    long x = rowLeft == 0 || columnLeft == 0 ? 0 : hypergeometric(rowLeft, columnLeft, block);
                    row[m] = x;
                    rowLeft -= x;
                    columnsLeft[m] -= x;
                    block -= columnLeft;
                }
                row[columns - 1] = rowLeft;
                columnsLeft[columns - 1] -= rowLeft;
            }
            System.arraycopy(columnsLeft, 0, table[rows - 1], 0, columns);
        }

        private long hypergeometric(long draws, long successes, long population) {
            return hypergeometric(draws, successes, population, random.nextDouble(), random);
        }

        /** The draw as it was, with its first uniform number {@code u} given (in the code it was drawn here). */
        static long hypergeometric(long draws, long successes, long population, double u, SplittableRandom random) {
            long failuresBeyond = population - draws - successes;
            long lowest = Math.max(0, -failuresBeyond);
            long highest = Math.min(draws, successes);
            long mode = Math.min(highest, Math.max(lowest, (long) Math.floor((double) draws * successes / population + 0.5)));
            double atMode = Math.exp(logFactorial(draws) + logFactorial(population - draws)
                    + logFactorial(population - successes) + logFactorial(successes) - logFactorial(population)
                    - logFactorial(mode) - logFactorial(successes - mode) - logFactorial(draws - mode)
                    - logFactorial(failuresBeyond + mode));
            while (true) {
                double cumulative = atMode;
                if (cumulative >= u) {
                    return mode;
                }
                long up = mode;
                long down = mode;
                double pUp = atMode;
                double pDown = atMode;
                while (up < highest || down > lowest) {
                    if (up < highest) {
                        pUp *= (double) (successes - up) * (draws - up) / ((double) (up + 1) * (failuresBeyond + up + 1));
                        up++;
                        cumulative += pUp;
                        if (cumulative >= u) {
                            return up;
                        }
                    }
                    if (down > lowest) {
                        pDown *= (double) down * (failuresBeyond + down)
                                / ((double) (successes - down + 1) * (draws - down + 1));
                        down--;
                        cumulative += pDown;
                        if (cumulative >= u) {
                            return down;
                        }
                    }
                }
                u = random.nextDouble() * cumulative;
            }
        }

        private static long sum(long[] values) {
            long total = 0;
            for (long v : values) {
                if (v < 0) {
                    throw new IllegalArgumentException("negative total " + v);
                }
                total = Math.addExact(total, v);
            }
            return total;
        }

        static double logFactorial(long k) {
            if (k < LOG_FACTORIAL_TABLE_SIZE) {
                return LOG_FACTORIAL[(int) k];
            }
            double x = k;
            double inverse = 1 / x;
            double inverseSquared = inverse * inverse;
            return (x + 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI
                    + inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared / 1260));
        }
    }
}
