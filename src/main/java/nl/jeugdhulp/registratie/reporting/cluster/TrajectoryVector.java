package nl.jeugdhulp.registratie.reporting.cluster;

/**
 * One closed trajectory, complete on the eight clustering variables of the 2019 study (report F4).
 *
 * @param durationWeeks duration of the trajectory in weeks
 * @param contacts number of contacts with the practice's youth worker
 * @param applicants number of applicants (who asked for help: client, parent, school, professional)
 * @param helpRequests number of help requests (CAP-J codes)
 * @param consultations number of parties consulted
 * @param interventions number of interventions
 * @param bridging whether bridging help (intervention OVERBRUGGINGSHULP) was given
 * @param referred whether the outcome was a referral (outcome VERWEZEN)
 */
public record TrajectoryVector(double durationWeeks, double contacts, double applicants, double helpRequests,
        double consultations, double interventions, boolean bridging, boolean referred) {

    /** Number of clustering variables. */
    static final int VARIABLES = 8;

    /**
     * Validates that every count is finite and not negative.
     *
     * @throws IllegalArgumentException for a negative, infinite or NaN value
     */
    public TrajectoryVector {
        requireCount("durationWeeks", durationWeeks);
        requireCount("contacts", contacts);
        requireCount("applicants", applicants);
        requireCount("helpRequests", helpRequests);
        requireCount("consultations", consultations);
        requireCount("interventions", interventions);
        // -0.0 and 0.0 are one value here (records compare doubles bitwise).
        durationWeeks += 0.0;
        contacts += 0.0;
        applicants += 0.0;
        helpRequests += 0.0;
        consultations += 0.0;
        interventions += 0.0;
    }

    private static void requireCount(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    /** The eight variables as numbers, the two flags as 1 or 0, in declaration order. */
    double[] toArray() {
        return new double[] {durationWeeks, contacts, applicants, helpRequests, consultations, interventions,
            bridging ? 1 : 0, referred ? 1 : 0};
    }
}
