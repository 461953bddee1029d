package nl.jeugdhulp.registratie.reporting.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import nl.jeugdhulp.registratie.reporting.stats.MonteCarloReference.OldRandomTables;
import org.junit.jupiter.api.Test;

/**
 * The Monte Carlo test draws its tables from remembered walks and adds X² from looked-up terms; a report must
 * show exactly what it showed before, so these hold the new code to a copy of the old one
 * ({@link MonteCarloReference}): the same p-values, statistics and counts to the last bit, the same tables, the
 * same use of the random generator.
 */
class IndependenceTestEquivalenceTest {

    @Test
    void resultsAreBitForBitThoseOfThePlainWalk() {
        SplittableRandom shapes = new SplittableRandom(20261123);
        int monteCarlo = 0;
        for (int trial = 0; trial < 240; trial++) {
            int rows = 2 + shapes.nextInt(5);
            int columns = 2 + shapes.nextInt(4);
            long n = switch (trial % 6) {
                case 0, 1 -> 5 + shapes.nextLong(60); // small samples, many ties
                case 5 -> trial % 24 == 5 ? 20_000 + shapes.nextLong(80_000) : 2_500 + shapes.nextLong(8_000);
                default -> 200 + shapes.nextLong(2_300); // the demo's sizes
            };
            long[][] counts = sparseTable(rows, columns, n, shapes);
            TestResult expected = MonteCarloReference.test(counts).orElse(null);
            TestResult actual = IndependenceTest.test(counts).orElse(null);

            assertThat(actual).as("trial %d", trial).isEqualTo(expected);
            if (expected != null) {
                assertThat(Double.doubleToRawLongBits(actual.pValue())).isEqualTo(Double.doubleToRawLongBits(expected.pValue()));
                assertThat(Double.doubleToRawLongBits(actual.statistic()))
                        .isEqualTo(Double.doubleToRawLongBits(expected.statistic()));
                if (expected.method() == TestResult.Method.MONTE_CARLO) {
                    monteCarlo++;
                }
            }
        }
        // the comparison is about the Monte Carlo branch: more than half of the tables take it (137 of 240)
        assertThat(monteCarlo).isGreaterThan(120);
    }

    @Test
    void symmetricTablesTieWithTheirRandomTablesAsBefore() {
        // random tables equal to the observed one (or its mirror images) tie exactly with it
        long[][][] tables = {
                {{3, 3}, {3, 3}},
                {{2, 1, 2}, {1, 2, 1}, {2, 1, 2}},
                {{4, 0, 1}, {0, 4, 1}, {1, 1, 0}},
                {{1, 0}, {0, 1}, {1, 1}},
                {{0, 5, 0, 0}, {0, 0, 0, 0}, {2, 0, 3, 0}, {0, 0, 0, 0}},
                {{1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}, {0, 0, 1, 0, 0}}};
        for (long[][] counts : tables) {
            assertThat(IndependenceTest.test(counts)).isEqualTo(MonteCarloReference.test(counts));
        }
    }

    @Test
    void randomTablesAndTheGeneratorAreThoseOfThePlainWalk() {
        SplittableRandom margins = new SplittableRandom(8);
        for (int trial = 0; trial < 400; trial++) {
            int rows = 1 + margins.nextInt(6);
            int columns = 1 + margins.nextInt(6);
            long n = switch (trial % 8) {
                case 0 -> margins.nextLong(10);
                case 1 -> 20_000 + margins.nextLong(200_000); // beyond the remembered walks and the log table
                default -> margins.nextLong(3_000);
            };
            long[] rowTotals = RandomTablesTest.split(n, rows, margins);
            long[] columnTotals = RandomTablesTest.split(n, columns, margins);
            long seed = margins.nextLong();
            SplittableRandom newRandom = new SplittableRandom(seed);
            SplittableRandom oldRandom = new SplittableRandom(seed);
            RandomTables tables = new RandomTables(rowTotals, columnTotals, newRandom);
            OldRandomTables reference = new OldRandomTables(rowTotals, columnTotals, oldRandom);
            long[][] actual = new long[rows][columns];
            long[][] expected = new long[rows][columns];
            for (int draw = 0; draw < 300; draw++) {
                tables.next(actual);
                reference.next(expected);
                assertThat(actual).as("trial %d, table %d", trial, draw).isDeepEqualTo(expected);
            }
            // the same random numbers were used: the generators are in the same state
            assertThat(newRandom.nextLong()).isEqualTo(oldRandom.nextLong());
        }
    }

    @Test
    void aUniformNumberBeyondTheWalksTotalIsRedrawnAsBefore() {
        // Rounding leaves the probabilities of some supports summing to just below 1; a uniform number above
        // that total makes the plain walk draw a second one. nextDown(1.0) is the largest nextDouble() gives.
        double beyond = Math.nextDown(1.0);
        int redrawn = 0;
        int keys = 0;
        String firstDifference = null;
        for (long population = 2; population <= 40; population++) {
            for (long draws = 1; draws < population; draws++) {
                for (long successes = 1; successes < population; successes++) {
                    keys++;
                    long seed = population * 10_000 + draws * 100 + successes;
                    SplittableRandom oldRandom = new SplittableRandom(seed);
                    SplittableRandom walkRandom = new SplittableRandom(seed);
                    SplittableRandom plainRandom = new SplittableRandom(seed);
                    RandomTables.Walk walk = new RandomTables.Walk(draws, successes, population);
                    SplittableRandom uniform = new SplittableRandom(-seed);
                    for (int k = 0; k < 24; k++) {
                        // the largest possible number first, then 0, the guide's end and ordinary numbers
                        double u = k == 0 ? beyond : k == 1 ? 0.0 : k == 2 ? 1 - 1e-7 : uniform.nextDouble();
                        long expected = OldRandomTables.hypergeometric(draws, successes, population, u, oldRandom);
                        long fromWalk = walk.draw(u, walkRandom);
                        long plain = RandomTables.hypergeometric(draws, successes, population, u, plainRandom);
                        // the generators' next numbers show how many each took
                        long oldNext = oldRandom.nextLong();
                        if (k == 0 && oldNext != new SplittableRandom(seed).nextLong()) {
                            redrawn++; // the plain walk took a second number
                        }
                        boolean same = fromWalk == expected && plain == expected && walkRandom.nextLong() == oldNext
                                && plainRandom.nextLong() == oldNext;
                        if (!same && firstDifference == null) {
                            firstDifference = "draws " + draws + ", successes " + successes + ", population "
                                    + population + ", u " + u;
                        }
                    }
                }
            }
        }
        assertThat(firstDifference).isNull();
        assertThat(keys).isEqualTo(20_540);
        assertThat(redrawn).as("supports whose total is below the largest uniform number").isPositive();
    }

    /** An r×c table of about n counts, some rows rare (a few percent), some rows and columns maybe empty. */
    private static long[][] sparseTable(int rows, int columns, long n, SplittableRandom random) {
        double[] rowWeight = new double[rows];
        double[] columnWeight = new double[columns];
        for (int i = 0; i < rows; i++) {
            double kind = random.nextDouble();
            rowWeight[i] = kind < 0.35 ? 0.01 + 0.03 * random.nextDouble() : kind < 0.4 ? 0 : 0.2 + random.nextDouble();
        }
        for (int j = 0; j < columns; j++) {
            columnWeight[j] = random.nextDouble() < 0.05 ? 0 : 0.2 + random.nextDouble();
        }
        double[][] upTo = new double[rows][columns];
        double total = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                total += rowWeight[i] * columnWeight[j] * (0.7 + 0.6 * random.nextDouble());
                upTo[i][j] = total;
            }
        }
        long[][] counts = new long[rows][columns];
        long placed = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                long to = total == 0 ? 0 : Math.round(n * upTo[i][j] / total);
                counts[i][j] = to - placed;
                placed = to;
            }
        }
        return counts;
    }
}
