package nl.jeugdhulp.registratie.reporting;

import java.util.Set;
import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.web.NotFoundException;

/**
 * What a user may count: an administrator everything, a project leader their pilots, a practice
 * supporter their own trajectories. Other roles get no trajectory report.
 */
public record ReportScope(boolean all, Set<Long> pilotIds, Long supporterId) {

    public static ReportScope of(CurrentUser user) {
        return switch (user.role()) {
            case BEHEERDER -> new ReportScope(true, Set.of(), null);
            case PROJECTLEIDER -> new ReportScope(false, user.pilotIds(), null);
            case PRAKTIJKONDERSTEUNER -> {
                if (user.supporterId() == null) {
                    throw new NotFoundException();
                }
                yield new ReportScope(false, Set.of(), user.supporterId());
            }
            case GEMEENTE, ONDERZOEKER -> throw new NotFoundException();
        };
    }

    public static ReportScope everything() {
        return new ReportScope(true, Set.of(), null);
    }
}
