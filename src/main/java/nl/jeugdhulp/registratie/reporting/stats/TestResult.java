package nl.jeugdhulp.registratie.reporting.stats;

import java.util.Objects;

/**
 * The outcome of a test of independence on an r×c table of counts, as shown under a breakdown table of the
 * report: which method was used, the Pearson chi-square statistic, its degrees of freedom and the p-value.
 *
 * <p>There is deliberately no "not applicable" instance: when a table cannot be tested (fewer than two
 * non-empty rows or columns), {@link IndependenceTest#test(long[][])} answers {@link java.util.Optional#empty()}.
 * That keeps every {@code TestResult} a real result, without NaN fields that each caller would have to check.
 *
 * @param method           {@link Method#CHI_SQUARE} when every expected count is at least
 *                         {@link IndependenceTest#MIN_EXPECTED}, otherwise {@link Method#MONTE_CARLO}
 * @param statistic        Pearson's X² = Σ (observed − expected)² / expected, without continuity correction
 * @param degreesOfFreedom (r − 1)(c − 1) of the table after dropping empty rows and columns; reported for
 *                         the Monte Carlo test too, although its p-value does not use it
 * @param pValue           probability, under independence, of a statistic at least as large as the observed one
 * @param permutations     number of random tables drawn for {@link Method#MONTE_CARLO}; {@code null} for
 *                         {@link Method#CHI_SQUARE}
 * @param minExpected      the smallest expected count (row total × column total / n); below 5 is why the
 *                         Monte Carlo test was chosen
 * @param n                total number of observations in the table
 * @param smallSample      {@code n < }{@link IndependenceTest#SMALL_N}: the page warns that the test says little
 */
public record TestResult(Method method, double statistic, int degreesOfFreedom, double pValue, Integer permutations,
        double minExpected, long n, boolean smallSample) {

    /** How the p-value was obtained. */
    public enum Method {
        /** Asymptotic chi-square distribution with (r − 1)(c − 1) degrees of freedom. */
        CHI_SQUARE,
        /**
         * Share of random tables with the same row and column totals whose statistic is at least the observed
         * one, as R's {@code chisq.test(simulate.p.value = TRUE)}.
         */
        MONTE_CARLO
    }

    public TestResult {
        Objects.requireNonNull(method, "method");
        if ((method == Method.MONTE_CARLO) != (permutations != null)) {
            throw new IllegalArgumentException("permutations is given exactly for the Monte Carlo test");
        }
    }
}
