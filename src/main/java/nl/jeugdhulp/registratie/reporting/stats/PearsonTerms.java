package nl.jeugdhulp.registratie.reporting.stats;

/**
 * Pearson's X² of the Monte Carlo test's random tables from looked-up terms: per cell, the term
 * (x − e)² / e for the counts x the cell can hold, computed once with the very operations of
 * {@link IndependenceTest#pearson(long[][], double[][])} and added in the same order (row after row), so every
 * sum is the same double as there. A cell that can hold more than {@value #MAX_TERMS} counts keeps the terms of
 * that many counts around its expected count and computes any other.
 */
final class PearsonTerms {

    /** Most terms kept per cell (32 kB). */
    static final int MAX_TERMS = 4096;

    private final double[] expected;
    private final long[] first;
    private final double[][] terms;

    /** @param expected the expected counts, {@code expected[row][column]} */
    PearsonTerms(long[] rowTotals, long[] columnTotals, double[][] expected) {
        int columns = columnTotals.length;
        int cells = rowTotals.length * columns;
        this.expected = new double[cells];
        this.first = new long[cells];
        this.terms = new double[cells][];
        for (int i = 0; i < rowTotals.length; i++) {
            for (int j = 0; j < columns; j++) {
                int k = i * columns + j;
                double e = expected[i][j];
                long largest = Math.min(rowTotals[i], columnTotals[j]);
                long low = Math.max(0, Math.min(largest - MAX_TERMS + 1, (long) e - MAX_TERMS / 2));
                long high = Math.min(largest, low + MAX_TERMS - 1);
                double[] cell = new double[(int) (high - low + 1)];
                for (int x = 0; x < cell.length; x++) {
                    double difference = (low + x) - e;
                    cell[x] = difference * difference / e;
                }
                this.expected[k] = e;
                this.first[k] = low;
                this.terms[k] = cell;
            }
        }
    }

    /** The term of X² for count x in cell k (row after row). */
    double term(int k, long x) {
        long index = x - first[k];
        double[] cell = terms[k];
        if (index >= 0 && index < cell.length) {
            return cell[(int) index];
        }
        double difference = x - expected[k];
        return difference * difference / expected[k];
    }
}
