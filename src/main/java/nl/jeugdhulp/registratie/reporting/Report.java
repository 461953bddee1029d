package nl.jeugdhulp.registratie.reporting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.jeugdhulp.registratie.questionnaire.ResponseStatistics;
import nl.jeugdhulp.registratie.reporting.cluster.TrajectoryTypesResult;

/**
 * The whole trimester report for one filter. Tables are keyed by id; process and outcome tables
 * exist once per breakdown.
 */
public record Report(ReportFilter filter, List<ReportTable> intake, List<ReportTable> process,
                     Map<String, Distribution> distributions, Waiting waiting, Supporters supporters,
                     long openAtEnd, TrajectoryTypesResult types, List<ApplicantPair> applicantPairs,
                     Experiences experiences) {

    /** Two applicants that asked for help together (T3: the most frequent pairs). */
    public record ApplicantPair(String first, String second, long trajectories) {
    }

    public Optional<ReportTable> table(String id, Breakdown breakdown) {
        return java.util.stream.Stream.of(intake, process, experiences.tables()).flatMap(List::stream)
                .filter(t -> t.id().equals(id) && t.breakdown() == breakdown).findFirst();
    }

    public List<ReportTable> process(Breakdown breakdown) {
        return process.stream().filter(t -> t.breakdown() == breakdown).toList();
    }

    /**
     * Client experiences (T16–T18) from the questionnaire, per function type and in total:
     * {@code statistics} holds T16 (means) and the raw counts, {@code tables} T17 and the three T18
     * statements as report tables. Not counted (status NOT_PER_PRACTICE) when the report is narrowed
     * to a practice or municipality, which a response does not record.
     */
    public record Experiences(ExperienceStatus status, ResponseStatistics statistics, List<ReportTable> tables) {
    }

    public enum ExperienceStatus { SHOWN, TOO_FEW_OWN, NOT_PER_PRACTICE }

    /** Registration to first contact, for trajectories started in the period with a registration date. */
    public record Waiting(long started, long known, long overFiveWeeks, Double meanDays) {
    }

    /**
     * The supporters active in the period (a trajectory open at some day in it), per function type
     * and in total: T1 and T2 of the study, and registration activity.
     */
    public record Supporters(List<SupporterGroup> groups) {
    }

    public record SupporterGroup(String functionType, long supporters, Map<String, Long> education,
                                 Map<String, Long> experience, Double meanHours, Double minHours, Double maxHours,
                                 Double meanBaseTeamHours, Double meanPractices, Double meanGps,
                                 Double meanNormPractices, Double meanRegistrationWeeks,
                                 Double minRegistrationWeeks, Double maxRegistrationWeeks,
                                 Double meanNewPerWeek, Double sdNewPerWeek, Double minNewPerWeek,
                                 Double maxNewPerWeek) {
    }
}
