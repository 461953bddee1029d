package nl.jeugdhulp.registratie.registration;

import jakarta.servlet.http.HttpServletResponse;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A project leader reads the trajectories of their pilots: no changes, no private references. */
@Controller
@RequestMapping("/pilot/trajecten")
class PilotTrajectoryController {

    private final TrajectoryService trajectories;
    private final TrajectoryQueries queries;

    PilotTrajectoryController(TrajectoryService trajectories, TrajectoryQueries queries) {
        this.trajectories = trajectories;
        this.queries = queries;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AccountPrincipal principal, @ModelAttribute("filter") TrajectoryFilter filter,
                BindingResult filterErrors, @RequestParam(name = "status", required = false) String status,
                Model model, HttpServletResponse response) {
        if (filterErrors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("filterInvalid", true);
            filter = new TrajectoryFilter();
        }
        Boolean closed = "afgesloten".equals(status) ? Boolean.TRUE : "open".equals(status) ? Boolean.FALSE : null;
        trajectories.logListRead("PILOT", filter, closed == null ? null : status);
        model.addAttribute("status", closed == null ? "" : status);
        model.addAttribute("rows", queries.ofPilots(principal.user().pilotIds(), filter, closed, trajectories.today()));
        model.addAttribute("outcomes", Codes.Outcome.values());
        return "trajectory/pilot-list";
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        model.addAttribute("trajectory", trajectories.view(principal.user(), id));
        return "trajectory/view";
    }
}
