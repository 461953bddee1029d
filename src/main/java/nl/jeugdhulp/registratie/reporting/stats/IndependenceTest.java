package nl.jeugdhulp.registratie.reporting.stats;

import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Test of independence on an r×c table of counts, as the 2019 study compared subgroups: rows are the categories
 * (for example the outcome ZELF_AFGEROND / VERWEZEN / ANDERS), columns the groups (for example the function
 * type POH_JEUGD / SOH_JGGZ / OJG); the question is whether the distribution over the categories differs
 * between the groups.
 *
 * <ul>
 * <li>Rows and columns without any count are dropped first; with fewer than two rows or two columns left there
 * is nothing to compare and the answer is empty.</li>
 * <li>When every expected count (row total × column total / n) is at least {@value #MIN_EXPECTED}, Pearson's
 * chi-square test with (r − 1)(c − 1) degrees of freedom (Apache Commons Statistics, no continuity correction,
 * also not for 2×2).</li>
 * <li>Otherwise the chi-square approximation is unreliable, so the p-value is a Monte Carlo permutation test:
 * {@value #PERMUTATIONS} random tables with the same row and column totals (the distribution of shuffling the
 * group labels of the n observations), p = (1 + number with X² ≥ observed X²) / (1 + {@value #PERMUTATIONS}),
 * as R's {@code chisq.test(simulate.p.value = TRUE, B = 10000)}. The random tables come from Patefield's
 * algorithm, so the cost grows with √n, not n (n = 100,000 takes a fraction of a second). The generator has a
 * fixed seed, so the same table always gets the same p-value and a report does not change when reloaded.</li>
 * </ul>
 *
 * <p>Thread-safe: every call uses its own generator.
 */
public final class IndependenceTest {

    /** Number of random tables in the Monte Carlo test. */
    public static final int PERMUTATIONS = 10_000;

    /** Smallest expected count for which the chi-square approximation is used. */
    public static final int MIN_EXPECTED = 5;

    /** Below this total number of observations a result is flagged {@link TestResult#smallSample()}. */
    public static final int SMALL_N = 30;

    /** Seed of the Monte Carlo generator; fixed so that results are reproducible. */
    static final long SEED = 20190521L;

    /** Random statistics this close below the observed one still count as "at least as large" (rounding). */
    private static final double TIE_TOLERANCE = 1e-9;

    private IndependenceTest() {
    }

    /**
     * Tests independence of rows and columns.
     *
     * @param counts a rectangular table of non-negative counts, {@code counts[row][column]}
     * @return the result, or empty when fewer than two rows or two columns have any count
     * @throws IllegalArgumentException when the table is ragged or holds a negative count
     */
    public static Optional<TestResult> test(long[][] counts) {
        long[][] table = withoutEmptyRowsAndColumns(counts);
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
                // exact comparison, not on the rounded double
                anySmall |= product < Math.multiplyExact((long) MIN_EXPECTED, n);
            }
        }
        boolean smallSample = n < SMALL_N;
        if (!anySmall) {
            SignificanceResult result = ChiSquareTest.withDefaults().test(table);
            return Optional.of(new TestResult(TestResult.Method.CHI_SQUARE, result.getStatistic(), degreesOfFreedom,
                    result.getPValue(), null, minExpected, n, smallSample));
        }
        double observed = pearson(table, expected);
        double threshold = observed - TIE_TOLERANCE;
        RandomTables random = new RandomTables(rowTotals, columnTotals, new SplittableRandom(SEED));
        PearsonTerms terms = new PearsonTerms(rowTotals, columnTotals, expected);
        long[] permuted = new long[rows * columns];
        int atLeastAsLarge = 0;
        for (int b = 0; b < PERMUTATIONS; b++) {
            if (random.next(permuted, terms) >= threshold) {
                atLeastAsLarge++;
            }
        }
        double pValue = (1.0 + atLeastAsLarge) / (1.0 + PERMUTATIONS);
        return Optional.of(new TestResult(TestResult.Method.MONTE_CARLO, observed, degreesOfFreedom, pValue,
                PERMUTATIONS, minExpected, n, smallSample));
    }

    /**
     * Pearson's X². The random tables' X² comes from {@link PearsonTerms}, whose terms are computed by the same
     * operations and added in the same order, so a random table equal to the observed one ties exactly.
     */
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

    /** A copy of the table without the rows and columns whose counts are all zero. */
    static long[][] withoutEmptyRowsAndColumns(long[][] counts) {
        int columns = counts.length == 0 ? 0 : counts[0].length;
        boolean[] rowUsed = new boolean[counts.length];
        boolean[] columnUsed = new boolean[columns];
        int rowsUsed = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " columns, not " + columns);
            }
            for (int j = 0; j < columns; j++) {
                long count = counts[i][j];
                if (count < 0) {
                    throw new IllegalArgumentException("negative count " + count + " at [" + i + "][" + j + "]");
                }
                if (count > 0) {
                    rowUsed[i] = true;
                    columnUsed[j] = true;
                }
            }
            if (rowUsed[i]) {
                rowsUsed++;
            }
        }
        int columnsUsed = 0;
        for (boolean used : columnUsed) {
            if (used) {
                columnsUsed++;
            }
        }
        long[][] table = new long[rowsUsed][columnsUsed];
        int r = 0;
        for (int i = 0; i < counts.length; i++) {
            if (!rowUsed[i]) {
                continue;
            }
            int c = 0;
            for (int j = 0; j < columns; j++) {
                if (columnUsed[j]) {
                    table[r][c++] = counts[i][j];
                }
            }
            r++;
        }
        return table;
    }
}
