package nl.jeugdhulp.registratie.reporting.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws random r×c tables of counts with fixed row and column totals, uniformly among the ways of assigning
 * the n observations' column labels to them (the permutation distribution of a table under independence).
 *
 * <p>This is Patefield's algorithm (Applied Statistics algorithm AS 159, 1981), which R's {@code r2dtable} and
 * {@code chisq.test(simulate.p.value = TRUE)} use. Cell by cell, row-wise, each entry is drawn from its
 * conditional hypergeometric distribution given the totals still to be placed; the last column and the last
 * row follow from the totals. The hypergeometric draw is an inversion that starts at the mode and walks
 * outwards, so one table costs about r·c·√n steps instead of the n of shuffling every observation.
 *
 * <p>Remembered walks: a draw depends only on its three numbers (draws, successes, population) and the uniform
 * number, and the walk from the mode is the same sequence of sums each time. In the first row only the row's
 * remainder varies, in the first column only the column's, so their cells meet the same few walks over and
 * over; those walks are kept ({@link Walk}) and a draw becomes a look-up in the sums already computed. The sums
 * are the same doubles added in the same order and the first one that reaches the uniform number is the same,
 * and the same uniform numbers are taken from the generator, so the tables are exactly those of the plain walk
 * (IndependenceTestEquivalenceTest compares them with a copy of it). The other cells depend on several earlier
 * cells, their numbers rarely recur (about 40 % of them are new in a test of a demo-sized table), and they walk
 * as before.
 *
 * <p>Not thread-safe: one instance holds its work arrays and its random generator.
 */
final class RandomTables {

    /** Log-factorials below this are sums of logarithms; above, Stirling's series is exact to double precision. */
    private static final int STIRLING_FROM = 1024;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** ln k! for k below 2^15 (256 kB), looked up rather than computed in every draw. */
    private static final double[] LOG_FACTORIAL = new double[1 << 15];

    /** Up to this many values of its varying total a first-row or first-column cell remembers its walks. */
    private static final long WALKS_UP_TO = 1 << 14;

    static {
        for (int k = 2; k < STIRLING_FROM; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
        for (int k = STIRLING_FROM; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = stirling(k);
        }
    }

    private final long[] rowTotals;
    private final long[] columnTotals;
    private final long n;
    private final long[] columnsLeft;
    private final SplittableRandom random;
    /** The walk of the first cell, whose numbers are fixed. */
    private Walk corner;
    /** Per column m ≥ 1 of the first row, its walks by the row's remainder; a null column is not remembered. */
    private final Walk[][] firstRow;
    /** Per row l ≥ 1 of the first column, its walks by the column's remainder; a null row is not remembered. */
    private final Walk[][] firstColumn;

    /**
     * @param rowTotals    non-negative row totals
     * @param columnTotals non-negative column totals with the same sum as the row totals
     * @param random       source of randomness; a seeded one makes the sequence of tables reproducible
     */
    RandomTables(long[] rowTotals, long[] columnTotals, SplittableRandom random) {
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
        firstRow = new Walk[columnTotals.length][];
        if (rowTotals[0] < WALKS_UP_TO) {
            for (int m = 1; m < columnTotals.length - 1; m++) {
                firstRow[m] = new Walk[(int) rowTotals[0] + 1];
            }
        }
        firstColumn = new Walk[rowTotals.length][];
        if (columnTotals[0] < WALKS_UP_TO) {
            for (int l = 1; l < rowTotals.length - 1; l++) {
                firstColumn[l] = new Walk[(int) columnTotals[0] + 1];
            }
        }
    }

    /** Fills {@code table} (r rows of c entries) with the next random table. */
    void next(long[][] table) {
        int columns = columnTotals.length;
        long[] flat = new long[rowTotals.length * columns];
        next(flat, null);
        for (int i = 0; i < table.length; i++) {
            System.arraycopy(flat, i * columns, table[i], 0, columns);
        }
    }

    /**
     * Fills {@code table} (r·c entries, row after row) with the next random table and answers its Pearson X²,
     * added up cell by cell as the cells are drawn, which is row after row.
     *
     * @param terms the terms of X²; null answers 0
     */
    double next(long[] table, PearsonTerms terms) {
        int rows = rowTotals.length;
        int columns = columnTotals.length;
        long[] left = columnsLeft;
        System.arraycopy(columnTotals, 0, left, 0, columns);
        double statistic = 0;
        long inRowsFromHere = n; // observations still to place in rows l..r-1
        for (int l = 0; l < rows - 1; l++) {
            long rowLeft = rowTotals[l];
            long block = inRowsFromHere; // observations in rows l.. and columns m..
            inRowsFromHere -= rowLeft;
            int cell = l * columns;
            for (int m = 0; m < columns - 1; m++, cell++) {
                long columnLeft = left[m];
                long x = rowLeft == 0 || columnLeft == 0 ? 0 : draw(l, m, rowLeft, columnLeft, block);
                table[cell] = x;
                if (terms != null) {
                    statistic += terms.term(cell, x);
                }
                rowLeft -= x;
                left[m] = columnLeft - x;
                block -= columnLeft;
            }
            table[cell] = rowLeft;
            if (terms != null) {
                statistic += terms.term(cell, rowLeft);
            }
            left[columns - 1] -= rowLeft;
        }
        int cell = (rows - 1) * columns;
        for (int m = 0; m < columns; m++, cell++) {
            table[cell] = left[m];
            if (terms != null) {
                statistic += terms.term(cell, left[m]);
            }
        }
        return statistic;
    }

    /** The hypergeometric draw of cell (l, m), from a remembered walk where there is one. */
    private long draw(int l, int m, long draws, long successes, long population) {
        Walk[] walks;
        int key;
        if (l == 0) {
            if (m == 0) {
                if (corner == null) {
                    corner = new Walk(draws, successes, population);
                }
                return corner.draw(random.nextDouble(), random);
            }
            walks = firstRow[m];
            key = (int) draws;
        } else if (m == 0) {
            walks = firstColumn[l];
            key = (int) successes;
        } else {
            return hypergeometric(draws, successes, population, random.nextDouble(), random);
        }
        if (walks == null) {
            return hypergeometric(draws, successes, population, random.nextDouble(), random);
        }
        Walk walk = walks[key];
        if (walk == null) {
            walk = new Walk(draws, successes, population);
            walks[key] = walk;
        }
        return walk.draw(random.nextDouble(), random);
    }

    /**
     * Draws the number of successes when {@code draws} items are taken without replacement from
     * {@code population} items of which {@code successes} are successes. Inversion from the mode: add the
     * probabilities of the values mode, mode+1, mode−1, mode+2, ... until they reach a uniform number. Should
     * rounding leave the support's total just below it, the uniform number is rescaled to that total and the
     * walk repeated (as AS 159 does).
     *
     * @param u      the uniform number, the first one {@code random} gave for this draw
     * @param random the generator for a rescaled uniform number
     */
    static long hypergeometric(long draws, long successes, long population, double u, SplittableRandom random) {
        long failuresBeyond = population - draws - successes; // may be negative; ≥ −x on the support
        long lowest = Math.max(0, -failuresBeyond);
        long highest = Math.min(draws, successes);
        long mode = mode(draws, successes, population, lowest, highest);
        double atMode = atMode(draws, successes, population, failuresBeyond, mode);
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

    private static long mode(long draws, long successes, long population, long lowest, long highest) {
        return Math.min(highest, Math.max(lowest, (long) Math.floor((double) draws * successes / population + 0.5)));
    }

    /** The probability of the mode, P(X = mode), from the log-factorials of the hypergeometric formula. */
    private static double atMode(long draws, long successes, long population, long failuresBeyond, long mode) {
        return Math.exp(logFactorial(draws) + logFactorial(population - draws)
                + logFactorial(population - successes) + logFactorial(successes) - logFactorial(population)
                - logFactorial(mode) - logFactorial(successes - mode) - logFactorial(draws - mode)
                - logFactorial(failuresBeyond + mode));
    }

    /**
     * The walk of {@link #hypergeometric} for one (draws, successes, population), kept: the values in the order
     * the walk visits them and the running sums of their probabilities, the same doubles as the plain walk's.
     * They are computed at once until the sum reaches {@link #COVERED} and continued on demand beyond. The sums
     * never decrease, so the plain walk's answer, the first value whose sum reaches u, is found through a
     * guide table (start at the bucket of u, step forward while the sum is below u), and beyond the guide by
     * binary search; a u above the whole support's sum is redrawn as the plain walk does.
     */
    static final class Walk {

        /** A new walk is computed at once until its sum reaches this; u beyond it continues it on demand. */
        private static final double COVERED = 1 - 1e-6;
        /** The guide has 2 to 4 buckets per value of the walk, and at most 2^14. */
        private static final int MAX_GUIDE = 1 << 12;
        private static final int GUIDE_FACTOR = 4;

        private final long draws;
        private final long successes;
        private final long failuresBeyond;
        private final long lowest;
        private final long highest;
        private long[] values = new long[16];
        private double[] sums = new double[16];
        private int size;
        private long up;
        private long down;
        private double pUp;
        private double pDown;
        /** Whether the walk's next step is upwards (each round of the plain walk goes up, then down). */
        private boolean upNext = true;
        private boolean complete;
        /** The sums up to index {@code guided - 1} are found through {@link #guide}; they reach {@link #covered}. */
        private final int guided;
        private final double covered;
        /**
         * guide[b] is the first index whose sum is at least b / guide.length (exact: the length is a power of
         * two), so the first sum that reaches u lies at or after guide[u · length].
         */
        private final int[] guide;

        Walk(long draws, long successes, long population) {
            this.draws = draws;
            this.successes = successes;
            this.failuresBeyond = population - draws - successes;
            this.lowest = Math.max(0, -failuresBeyond);
            this.highest = Math.min(draws, successes);
            long mode = mode(draws, successes, population, lowest, highest);
            double atMode = atMode(draws, successes, population, failuresBeyond, mode);
            values[0] = mode;
            sums[0] = atMode;
            size = 1;
            up = mode;
            down = mode;
            pUp = atMode;
            pDown = atMode;
            complete = !(up < highest || down > lowest);
            while (!complete && sums[size - 1] < COVERED) {
                step();
            }
            guided = size;
            covered = sums[size - 1];
            int length = Integer.highestOneBit(Math.min(size, MAX_GUIDE)) * GUIDE_FACTOR;
            guide = new int[length];
            int k = 0;
            for (int b = 0; b < length; b++) {
                double bound = (double) b / length;
                while (k < guided && sums[k] < bound) {
                    k++;
                }
                // a bucket within one value's share answers that value itself (as −1 − value)
                boolean one = k < guided && sums[k] >= (double) (b + 1) / length && values[k] <= Integer.MAX_VALUE;
                guide[b] = one ? -1 - (int) values[k] : k;
            }
        }

        /** The draw of {@link #hypergeometric} for this walk's numbers, the same arguments and the same answer. */
        long draw(double u, SplittableRandom random) {
            if (u <= covered) {
                int k = guide[(int) (u * guide.length)];
                if (k < 0) {
                    return -1 - k;
                }
                while (sums[k] < u) {
                    k++;
                }
                return values[k];
            }
            while (true) {
                int last = size - 1;
                if (sums[last] >= u) {
                    int low = 0;
                    int high = last;
                    while (low < high) {
                        int middle = (low + high) >>> 1;
                        if (sums[middle] >= u) {
                            high = middle;
                        } else {
                            low = middle + 1;
                        }
                    }
                    return values[low];
                }
                while (!complete) {
                    if (step() >= u) {
                        return values[size - 1];
                    }
                }
                u = random.nextDouble() * sums[size - 1];
            }
        }

        /** One more step of the walk, in the plain walk's order; answers the new running sum. */
        private double step() {
            long value;
            double sum = sums[size - 1];
            if (upNext && up < highest || down <= lowest) {
                pUp *= (double) (successes - up) * (draws - up) / ((double) (up + 1) * (failuresBeyond + up + 1));
                up++;
                value = up;
                sum += pUp;
                upNext = false;
            } else {
                pDown *= (double) down * (failuresBeyond + down)
                        / ((double) (successes - down + 1) * (draws - down + 1));
                down--;
                value = down;
                sum += pDown;
                upNext = true;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                sums = Arrays.copyOf(sums, size * 2);
            }
            values[size] = value;
            sums[size] = sum;
            size++;
            complete = !(up < highest || down > lowest);
            return sum;
        }
    }

    /** ln(k!) for k ≥ 0. */
    static double logFactorial(long k) {
        return k < LOG_FACTORIAL.length ? LOG_FACTORIAL[(int) k] : stirling(k);
    }

    /** ln(k!) by Stirling's series, for k ≥ {@value #STIRLING_FROM}. */
    private static double stirling(long k) {
        double x = k;
        double inverse = 1 / x;
        double inverseSquared = inverse * inverse;
        return (x + 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI
                + inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared / 1260));
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
}
