package nl.jeugdhulp.registratie.registration;

import java.util.Locale;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The change history of any trajectory for the administrator (/beheer, so BEHEERDER only), reached from the audit trail. */
@Controller
class TrajectoryHistoryAdminController {

    private final TrajectoryService trajectories;

    TrajectoryHistoryAdminController(TrajectoryService trajectories) {
        this.trajectories = trajectories;
    }

    @GetMapping("/beheer/trajecten/{id}/geschiedenis")
    String history(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Locale locale,
                   Model model) {
        model.addAttribute("history", trajectories.history(principal.user(), id, locale));
        model.addAttribute("back", "/beheer/audit/traject/" + id);
        return "history/trajectory";
    }
}
