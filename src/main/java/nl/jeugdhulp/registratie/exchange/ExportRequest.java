package nl.jeugdhulp.registratie.exchange;

import java.time.LocalDate;
import java.util.List;

/**
 * A checked export: the pilots in scope ({@code null} = all pilots, for the researcher), the optional
 * start-date period, and whether free text goes along (only ever true for a project leader who asked).
 */
record ExportRequest(ExportFormat format, List<Long> pilotIds, LocalDate from, LocalDate to, boolean freeText) {

    boolean allPilots() {
        return pilotIds == null;
    }
}
