package nl.jeugdhulp.registratie.registration;

/**
 * One trajectory from an import file: the file's own row id ({@code bron_id}, may be null) and the
 * data. A row whose source id the supporter already has updates that trajectory.
 */
public record ImportRow(String sourceId, TrajectoryData data) {
}
