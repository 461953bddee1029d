package nl.jeugdhulp.registratie.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The JSON answer of GET /api/v1/reports/trimester (docs/api.md): the API's own shape, built from
 * the {@link Report} by {@link ReportDocuments}, so a change inside the report does not silently
 * change what scripts receive. Codes are stable; labels and titles are the Dutch texts of the page.
 */
record ReportDocument(Period period, Filters filters, List<Table> intake, List<Table> process,
                      Map<String, Map<Integer, Long>> distributions, Waiting waiting,
                      List<SupporterGroup> supporters, long openAtEnd, TrajectoryTypes trajectoryTypes,
                      Experiences experiences) {

    /** The period counted, both days inclusive. */
    record Period(LocalDate from, LocalDate to) {
    }

    /** The filters as applied, defaults filled in (van and tot only for periode EIGEN). */
    record Filters(Integer jaar, String periode, LocalDate van, LocalDate tot, Long pilot, Long gemeente,
                   Long praktijk, String functie, Long ondersteuner) {
    }

    /** A stable code and its Dutch label. */
    record Code(String code, String label) {
    }

    /**
     * One table: {@code counts[row][column]}, and per column {@code n} (known) and {@code missing};
     * the last column is the total. Percentages are whole percents of n, null when n is 0.
     */
    record Table(String id, String title, Code population, Code breakdown, boolean multiAnswer, List<Code> columns,
                 List<Code> rows, long[][] counts, long[] n, long[] missing, Long[][] percentages, Test test) {
    }

    /** Test of independence between the groups (not the total); null for multi-answer or untestable tables. */
    record Test(String method, Double statistic, int df, Double pValue, Integer permutations, boolean smallSample) {
    }

    record Waiting(long started, long known, long overFiveWeeks, Double meanDays) {
    }

    record SupporterGroup(String functionType, String label, long supporters, Map<String, Long> education,
                          Map<String, Long> experience, Double meanHours, Double minHours, Double maxHours,
                          Double meanBaseTeamHours, Double meanPractices, Double meanGps, Double meanNormPractices,
                          Double meanRegistrationWeeks, Double minRegistrationWeeks, Double maxRegistrationWeeks,
                          Double meanNewPerWeek, Double sdNewPerWeek,
                          Double minNewPerWeek, Double maxNewPerWeek) {
    }

    record TrajectoryTypes(int population, int clustered, boolean sampled, List<TrajectoryType> types) {
    }

    record TrajectoryType(String name, String label, int count, double share, double meanDurationWeeks,
                          double meanContacts, double shareBridging, double shareReferred) {
    }

    /**
     * Client experiences: status SHOWN, TOO_FEW_OWN (a supporter with fewer than five own responses:
     * no figures) or NOT_PER_PRACTICE (filtered on a practice or municipality: not counted); per
     * column (function types, then TOTAL) the responses, T16 per item and T17/T18 as tables.
     */
    record Experiences(String status, List<Code> columns, long[] responses, List<Score> t16, List<Table> tables) {
    }

    /** T16: one 0–10 item; mean and sample SD per column, null when nobody (SD: fewer than two) answered. */
    record Score(String item, String label, long[] n, Double[] mean, Double[] sd, long[] belowSix, boolean suppressed) {
    }

    /** 400: every wrong filter, by query parameter, with a Dutch message. */
    record Errors(List<FieldMessage> errors) {
    }

    /** {@code field} is the query parameter; null for an error that concerns no single parameter. */
    record FieldMessage(String field, String message) {
    }

    /** 403 and 500 from the controller, the same shape as the security filters' answers. */
    record ErrorMessage(String error) {
    }
}
