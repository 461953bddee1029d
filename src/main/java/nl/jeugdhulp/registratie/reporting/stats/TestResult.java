package nl.jeugdhulp.registratie.reporting.stats;

/** Placeholder until the statistics module lands; replaced by its own definition. */
public record TestResult(Method method, double statistic, int degreesOfFreedom, double pValue, Integer permutations,
                         double minExpected, long n, boolean smallSample) {

    public enum Method { CHI_SQUARE, MONTE_CARLO }
}
