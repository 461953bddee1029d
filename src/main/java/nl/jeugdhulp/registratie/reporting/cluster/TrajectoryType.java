package nl.jeugdhulp.registratie.reporting.cluster;

/**
 * One trajectory type found by {@link TrajectoryTypes}: its size and profile. Means and shares are
 * over the original (not standardised) values of the clustered rows in the type.
 *
 * @param name the type, named by its profile
 * @param count number of clustered rows in the type
 * @param share {@code count} as a fraction (0..1) of all clustered rows
 * @param meanDurationWeeks mean duration in weeks
 * @param meanContacts mean number of contacts
 * @param shareBridging fraction (0..1) with bridging help
 * @param shareReferred fraction (0..1) referred
 */
public record TrajectoryType(Name name, int count, double share, double meanDurationWeeks, double meanContacts,
        double shareBridging, double shareReferred) {

    /** The three trajectory types of the 2019 study, in report order. */
    public enum Name {
        /** The type with the lowest share referred: help by the practice itself, no referral. */
        ZELF_AFGEHANDELD("Zelf afgehandeld"),
        /** Of the two other types, the one with the shorter mean duration: quick referral. */
        SNEL_VERWEZEN("Snel verwezen"),
        /** The remaining type: longer help (often bridging help) and still referred. */
        HULP_EN_TOCH_VERWEZEN("Hulp en toch verwezen");

        private final String label;

        Name(String label) {
            this.label = label;
        }

        /**
         * The Dutch name as printed in the 2019 report.
         *
         * @return for example {@code "Snel verwezen"}
         */
        public String label() {
            return label;
        }
    }
}
