package nl.jeugdhulp.registratie.reporting;

import java.time.LocalDate;

/**
 * What a report counts: a period (both ends inclusive) and optional narrowing to a pilot,
 * municipality, practice, function type or supporter.
 */
public record ReportFilter(LocalDate from, LocalDate to, Long pilotId, Long municipalityId, Long practiceId,
                           String functionType, Long supporterId) {

    public ReportFilter {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a report period needs from <= to");
        }
    }

    public static ReportFilter period(LocalDate from, LocalDate to) {
        return new ReportFilter(from, to, null, null, null, null, null);
    }
}
