package nl.jeugdhulp.registratie.reporting.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import nl.jeugdhulp.registratie.reporting.stats.TestResult.Method;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/**
 * Expected values were computed independently of this code, with exact rational arithmetic in Python
 * (fractions): X² from its formula, the chi-square p-value from the closed forms p = exp(−x/2) for df = 2,
 * p = exp(−x/2)(1 + x/2) for df = 4 and p = erfc(√(x/2)) for df = 1; exact permutation p-values by
 * enumerating every table with the same margins and adding the hypergeometric probabilities of those with
 * X² ≥ the observed one.
 */
class IndependenceTestTest {

    private static TestResult test(long[][] counts) {
        return IndependenceTest.test(counts).orElseThrow();
    }

    @Test
    void threeByTwoByHand() {
        // rows 30/30/30, columns 45/45, n = 90: every expected count is 30·45/90 = 15.
        // (o − e)² = 25, 25, 25, 25, 0, 0, so X² = 4·25/15 = 20/3 = 6.6667 with df = (3−1)(2−1) = 2,
        // and for df = 2 the chi-square tail is p = exp(−x/2) = exp(−10/3) = 0.035674.
        TestResult result = test(new long[][] {{10, 20}, {20, 10}, {15, 15}});

        assertThat(result.method()).isEqualTo(Method.CHI_SQUARE);
        assertThat(result.statistic()).isCloseTo(20.0 / 3, within(1e-12));
        assertThat(result.degreesOfFreedom()).isEqualTo(2);
        assertThat(result.pValue()).isCloseTo(Math.exp(-10.0 / 3), within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.0357, within(0.00005));
        assertThat(result.permutations()).isNull();
        assertThat(result.minExpected()).isEqualTo(15.0);
        assertThat(result.n()).isEqualTo(90);
        assertThat(result.smallSample()).isFalse();
    }

    @Test
    void twoByTwoHasNoContinuityCorrection() {
        // rows 30/70, columns 40/60, n = 100: expected 12, 18, 28, 42; every (o − e)² = 4, so
        // X² = 4(1/12 + 1/18 + 1/28 + 1/42) = 4·50/252 = 50/63 = 0.7937; df = 1, p = erfc(√(x/2)) = 0.372998.
        // (R's default Yates correction would give 0.4464; the study's tables are larger than 2×2.)
        TestResult result = test(new long[][] {{10, 20}, {30, 40}});

        assertThat(result.method()).isEqualTo(Method.CHI_SQUARE);
        assertThat(result.statistic()).isCloseTo(50.0 / 63, within(1e-12));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.pValue()).isCloseTo(0.372998, within(0.000001));
        assertThat(result.minExpected()).isEqualTo(12.0);
    }

    @Test
    void studyOutcomeByFunctionType() {
        // T6: outcome per function type, the study's percentages turned into counts.
        // POH 578 (42/46/13 %), OJG 429 (42/42/15 %), SOH 1005 (39/50/11 %), n = 2012.
        long[][] counts = {
                {243, 180, 392}, // ZELF_AFGEROND
                {266, 180, 503}, // VERWEZEN
                {69, 69, 110}};  // ANDERS
        // Exact X² = 48032583176738581/3983322306291900 = 12.058422; df = 4;
        // p = exp(−x/2)(1 + x/2) = 0.016922.
        TestResult result = test(counts);

        assertThat(result.method()).isEqualTo(Method.CHI_SQUARE);
        assertThat(result.statistic()).isCloseTo(12.0584, within(0.00005));
        assertThat(result.statistic()).isCloseTo(12.058422463296077, within(1e-9));
        assertThat(result.degreesOfFreedom()).isEqualTo(4);
        assertThat(result.pValue()).isCloseTo(0.0169, within(0.00005));
        assertThat(result.pValue()).isCloseTo(0.016922067620868023, within(1e-12));
        // smallest expected: ANDERS × OJG = 248·429/2012
        assertThat(result.minExpected()).isCloseTo(248.0 * 429 / 2012, within(1e-12));
        assertThat(result.n()).isEqualTo(2012);
        assertThat(result.smallSample()).isFalse();
    }

    @Test
    void expectedCountOfExactlyFiveStillUsesChiSquare() {
        // every expected count is 10·10/20 = 5: X² = 4·25/5 = 20, df 1
        TestResult result = test(new long[][] {{10, 0}, {0, 10}});

        assertThat(result.method()).isEqualTo(Method.CHI_SQUARE);
        assertThat(result.statistic()).isCloseTo(20.0, within(1e-12));
        assertThat(result.minExpected()).isEqualTo(5.0);
        assertThat(result.pValue()).isLessThan(0.001);
        assertThat(result.smallSample()).isTrue();
    }

    @Test
    void strongDependenceInASparseTableIsSignificant() {
        // expected 8·8/16 = 4 < 5: Monte Carlo. Only the two diagonal tables reach X² = 16:
        // exact permutation p = 2 / C(16, 8) = 1/6435 = 0.000155.
        TestResult result = test(new long[][] {{8, 0}, {0, 8}});

        assertThat(result.method()).isEqualTo(Method.MONTE_CARLO);
        assertThat(result.permutations()).isEqualTo(IndependenceTest.PERMUTATIONS).isEqualTo(10_000);
        assertThat(result.statistic()).isCloseTo(16.0, within(1e-12));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.pValue()).isLessThan(0.001).isGreaterThanOrEqualTo(1.0 / 10_001);
        assertThat(result.minExpected()).isEqualTo(4.0);
        assertThat(result.n()).isEqualTo(16);
        assertThat(result.smallSample()).isTrue();

        // 3×3 diagonal, expected 2: exact p = 1/2858856, so only the observed table itself counts
        TestResult diagonal = test(new long[][] {{6, 0, 0}, {0, 6, 0}, {0, 0, 6}});
        assertThat(diagonal.method()).isEqualTo(Method.MONTE_CARLO);
        assertThat(diagonal.statistic()).isCloseTo(36.0, within(1e-12));
        assertThat(diagonal.degreesOfFreedom()).isEqualTo(4);
        assertThat(diagonal.pValue()).isEqualTo(1.0 / 10_001);
    }

    @Test
    void perfectIndependenceGivesPOne() {
        // X² = 0 and every random table has X² ≥ 0
        TestResult result = test(new long[][] {{3, 3}, {3, 3}});

        assertThat(result.method()).isEqualTo(Method.MONTE_CARLO);
        assertThat(result.statistic()).isEqualTo(0.0);
        assertThat(result.pValue()).isEqualTo(1.0);
    }

    @Test
    void monteCarloAgreesWithTheExactPermutationPValue() {
        // Exact permutation p-values (enumeration) and the Monte Carlo standard error √(p(1−p)/10000):
        // Fisher's tea tasting table: X² = 2, p = 34/70 = 0.485714 (SE 0.0050)
        assertMonteCarlo(new long[][] {{3, 1}, {1, 3}}, 2.0, 17.0 / 35, 0.015);
        // 3×3: X² = 16, p = 849/461890 = 0.001838 (SE 0.00043)
        assertMonteCarlo(new long[][] {{5, 1, 0}, {2, 4, 1}, {0, 2, 6}}, 16.0, 849.0 / 461890, 0.0013);
        // 3×3: X² = 2.885714, p = 1969/3094 = 0.636393 (SE 0.0048)
        assertMonteCarlo(new long[][] {{3, 1, 2}, {1, 3, 1}, {2, 2, 3}}, 2.8857142857142857, 1969.0 / 3094, 0.015);
        // 4×3 with unequal margins: X² = 10.25, p = 15531/136136 = 0.114084 (SE 0.0032)
        assertMonteCarlo(new long[][] {{4, 0, 1}, {1, 2, 0}, {0, 1, 3}, {2, 2, 2}}, 10.25, 15531.0 / 136136, 0.01);
    }

    private static void assertMonteCarlo(long[][] counts, double statistic, double exactP, double tolerance) {
        TestResult result = test(counts);
        assertThat(result.method()).isEqualTo(Method.MONTE_CARLO);
        assertThat(result.statistic()).isCloseTo(statistic, within(1e-9));
        assertThat(result.pValue()).isCloseTo(exactP, within(tolerance));
    }

    @Test
    void monteCarloIsReproducible() {
        long[][] counts = {{5, 1, 0}, {2, 4, 1}, {0, 2, 6}};

        TestResult first = test(counts);
        TestResult second = test(counts);

        assertThat(second).isEqualTo(first);
        assertThat(first.pValue()).isEqualTo(PINNED_SPARSE_P);
    }

    /**
     * The p-value that the fixed seed gives for {{5,1,0},{2,4,1},{0,2,6}}; a report must not change when it is
     * reloaded, and a change of generator or seed must be deliberate.
     */
    private static final double PINNED_SPARSE_P = 19.0 / 10_001; // 18 of the 10,000 tables reach X² = 16

    @Test
    void monteCarloMatchesShufflingTheObservationsLabels() {
        // The brief's definition, done naively: shuffle the column labels of the n observations.
        long[][] counts = {{4, 2, 0, 1}, {1, 5, 2, 0}, {0, 1, 6, 3}, {2, 0, 1, 7}};
        int n = 35;
        int[] rowOf = new int[n];
        int[] columnOf = new int[n];
        int k = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                for (long c = 0; c < counts[i][j]; c++) {
                    rowOf[k] = i;
                    columnOf[k++] = j;
                }
            }
        }
        double[][] expected = new double[4][4];
        long[] rowTotals = new long[4];
        long[] columnTotals = new long[4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                rowTotals[i] += counts[i][j];
                columnTotals[j] += counts[i][j];
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                expected[i][j] = (double) rowTotals[i] * columnTotals[j] / n;
            }
        }
        double observed = IndependenceTest.pearson(counts, expected);
        SplittableRandom random = new SplittableRandom(7);
        int shuffles = 20_000;
        int atLeast = 0;
        long[][] table = new long[4][4];
        for (int b = 0; b < shuffles; b++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = columnOf[i];
                columnOf[i] = columnOf[j];
                columnOf[j] = swap;
            }
            for (long[] row : table) {
                java.util.Arrays.fill(row, 0);
            }
            for (int o = 0; o < n; o++) {
                table[rowOf[o]][columnOf[o]]++;
            }
            if (IndependenceTest.pearson(table, expected) >= observed - 1e-9) {
                atLeast++;
            }
        }
        double naive = (1.0 + atLeast) / (1.0 + shuffles);

        TestResult result = test(counts);

        assertThat(result.method()).isEqualTo(Method.MONTE_CARLO);
        assertThat(result.statistic()).isCloseTo(observed, within(1e-12));
        // both are estimates of the same p; combined standard error is at most √(0.25/10000 + 0.25/20000) = 0.0061
        assertThat(result.pValue()).isCloseTo(naive, within(0.02));
    }

    @Test
    void monteCarloStatisticIsTheLibrarysPearsonStatistic() {
        long[][] counts = {{4, 0, 1}, {1, 2, 0}, {0, 1, 3}, {2, 2, 2}};

        assertThat(test(counts).statistic())
                .isCloseTo(ChiSquareTest.withDefaults().statistic(counts), within(1e-12));
    }

    @Test
    void emptyRowsAndColumnsAreDropped() {
        long[][] withEmpty = {
                {5, 0, 7, 0},
                {0, 0, 0, 0},
                {6, 0, 9, 0}};
        long[][] compact = {{5, 7}, {6, 9}};

        TestResult result = test(withEmpty);

        assertThat(result).isEqualTo(test(compact));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.n()).isEqualTo(27);
        // rows 12/15, columns 11/16: smallest expected 12·11/27 = 4.89, so Monte Carlo;
        // X² = 0.0076705 (exact 27/3520), and exact permutation p = 1
        assertThat(result.method()).isEqualTo(Method.MONTE_CARLO);
        assertThat(result.minExpected()).isCloseTo(12.0 * 11 / 27, within(1e-12));
        assertThat(result.statistic()).isCloseTo(27.0 / 3520, within(1e-12));
        assertThat(result.pValue()).isEqualTo(1.0);

        // chi-square path after dropping too
        assertThat(test(new long[][] {{0, 0, 0}, {10, 0, 20}, {20, 0, 10}, {15, 0, 15}}).statistic())
                .isCloseTo(20.0 / 3, within(1e-12));
    }

    @Test
    void tablesWithoutTwoRowsAndTwoColumnsCannotBeTested() {
        assertThat(IndependenceTest.test(new long[][] {{5}, {7}, {9}})).isEmpty();
        assertThat(IndependenceTest.test(new long[][] {{5, 7, 9}})).isEmpty();
        assertThat(IndependenceTest.test(new long[][] {{5, 0}, {7, 0}, {0, 0}})).isEmpty();
        assertThat(IndependenceTest.test(new long[][] {{0, 0}, {0, 0}})).isEmpty();
        assertThat(IndependenceTest.test(new long[][] {{0, 4}, {0, 0}})).isEmpty();
        assertThat(IndependenceTest.test(new long[0][])).isEmpty();
        assertThat(IndependenceTest.test(new long[][] {{}, {}})).isEmpty();
    }

    @Test
    void raggedOrNegativeTablesAreRejected() {
        assertThatThrownBy(() -> IndependenceTest.test(new long[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndependenceTest.test(new long[][] {{1, 2}, {3, -1}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void smallSampleIsBelowThirty() {
        // 29 and 30 observations
        assertThat(test(new long[][] {{10, 5}, {4, 10}}).smallSample()).isTrue();
        assertThat(test(new long[][] {{10, 5}, {5, 10}}).smallSample()).isFalse();
        assertThat(IndependenceTest.SMALL_N).isEqualTo(30);
    }

    @Test
    void largeSparseTableIsFast() {
        // n = 100,000 with a last row of only 4 observations: column totals 50,000/35,000/15,000, so the
        // expected counts in that row are 2, 1.4 and 0.6 and the test must be Monte Carlo, with Patefield's
        // tables rather than 10,000 shuffles of 100,000 labels. X² (exact, Python fractions) = 3.8836620; p from an
        // independent simulation (numpy's multivariate hypergeometric, row by row, 200,000 tables) = 0.4375 ± 0.0011.
        long[][] counts = {
                {40_000, 28_000, 11_996},
                {9_999, 6_999, 3_002},
                {1, 1, 2}};

        TestResult result = test(counts);

        assertThat(result.method()).isEqualTo(Method.MONTE_CARLO);
        assertThat(result.n()).isEqualTo(100_000);
        assertThat(result.minExpected()).isCloseTo(0.6, within(1e-12));
        assertThat(result.statistic()).isCloseTo(LARGE_STATISTIC, within(1e-6));
        assertThat(result.pValue()).isCloseTo(LARGE_P, within(0.02));
    }

    private static final double LARGE_STATISTIC = 3.8836619614314047;
    private static final double LARGE_P = 0.4375;
}
