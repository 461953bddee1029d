package nl.jeugdhulp.registratie.reporting.stats;

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
 * <p>Not thread-safe: one instance holds its work arrays and its random generator.
 */
final class RandomTables {

    /** Log-factorials below this are looked up; above, Stirling's series is exact to double precision. */
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
    }

    /** Fills {@code table} (r rows of c entries) with the next random table; reusing it avoids allocation. */
    void next(long[][] table) {
        int rows = rowTotals.length;
        int columns = columnTotals.length;
        System.arraycopy(columnTotals, 0, columnsLeft, 0, columns);
        long inRowsFromHere = n; // observations still to place in rows l..r-1
        for (int l = 0; l < rows - 1; l++) {
            long rowLeft = rowTotals[l];
            long block = inRowsFromHere; // observations in rows l.. and columns m..
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

    /**
     * Draws the number of successes when {@code draws} items are taken without replacement from
     * {@code population} items of which {@code successes} are successes. Inversion from the mode: add the
     * probabilities of the values mode, mode+1, mode−1, mode+2, ... until they reach a uniform number. Should
     * rounding leave the support's total just below it, the uniform number is rescaled to that total and the
     * walk repeated (as AS 159 does).
     */
    private long hypergeometric(long draws, long successes, long population) {
        long failuresBeyond = population - draws - successes; // may be negative; ≥ −x on the support
        long lowest = Math.max(0, -failuresBeyond);
        long highest = Math.min(draws, successes);
        long mode = Math.min(highest, Math.max(lowest, (long) Math.floor((double) draws * successes / population + 0.5)));
        double atMode = Math.exp(logFactorial(draws) + logFactorial(population - draws)
                + logFactorial(population - successes) + logFactorial(successes) - logFactorial(population)
                - logFactorial(mode) - logFactorial(successes - mode) - logFactorial(draws - mode)
                - logFactorial(failuresBeyond + mode));
        double u = random.nextDouble();
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

    /** ln(k!) for k ≥ 0. */
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
