package nl.jeugdhulp.registratie.registration;

import java.util.List;
import nl.jeugdhulp.registratie.audit.ChangeHistory;

/** The change history page of one trajectory: its number, its supporter's code and the revisions, newest first. */
public record TrajectoryHistoryView(long id, String supporterCode, List<ChangeHistory.ShownRevision> revisions) {
}
