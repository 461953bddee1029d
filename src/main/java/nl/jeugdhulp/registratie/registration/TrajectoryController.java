package nl.jeugdhulp.registratie.registration;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import nl.jeugdhulp.registratie.classification.CapjCatalogue;
import nl.jeugdhulp.registratie.organisation.PracticeDirectory;
import nl.jeugdhulp.registratie.organisation.PracticeOption;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supporter's own trajectories: worklist, register, edit, contact, close, reopen, delete. */
@Controller
@RequestMapping("/trajecten")
class TrajectoryController {

    private final TrajectoryService trajectories;
    private final TrajectoryQueries queries;
    private final PracticeDirectory practices;
    private final CapjCatalogue capj;

    TrajectoryController(TrajectoryService trajectories, TrajectoryQueries queries, PracticeDirectory practices,
                         CapjCatalogue capj) {
        this.trajectories = trajectories;
        this.queries = queries;
        this.practices = practices;
        this.capj = capj;
    }

    @ModelAttribute("codes")
    CodeLists codes() {
        return CodeLists.ALL;
    }

    @ModelAttribute("practices")
    List<PracticeOption> practices(@AuthenticationPrincipal AccountPrincipal principal) {
        Long supporter = principal == null ? null : principal.user().supporterId();
        return supporter == null ? List.of() : practices.practicesOf(supporter);
    }

    @GetMapping
    String worklist(@AuthenticationPrincipal AccountPrincipal principal,
                    @ModelAttribute("filter") TrajectoryFilter filter, BindingResult filterErrors,
                    @RequestParam(name = "open", defaultValue = "0") String openPage,
                    Model model, HttpServletResponse response) {
        long supporter = supporterId(principal);
        if (filterErrors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("filterInvalid", true);
            filter = new TrajectoryFilter();
        }
        trajectories.logListRead("WORKLIST", filter, null);
        model.addAttribute("open", queries.open(supporter, trajectories.today(), parsePage(openPage)));
        model.addAttribute("closed", queries.closed(supporter, filter, trajectories.today()));
        model.addAttribute("outcomes", Codes.Outcome.values());
        return "trajectory/list";
    }

    @GetMapping("/nieuw")
    String newForm(Model model) {
        TrajectoryForm form = new TrajectoryForm();
        form.setStartDate(trajectories.today());
        form.setLastContactDate(trajectories.today());
        form.setContacts(1);
        @SuppressWarnings("unchecked")
        List<PracticeOption> own = (List<PracticeOption>) model.getAttribute("practices");
        if (own != null && own.size() == 1) {
            form.setPracticeId(own.get(0).id());
        }
        return form(model, form, null);
    }

    @PostMapping
    String create(@AuthenticationPrincipal AccountPrincipal principal, @ModelAttribute("form") TrajectoryForm form,
                  BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            reject(result, trajectories.validate(principal.user(), form.toData()));
            return invalid(model, form, null, response);
        }
        try {
            long id = trajectories.create(principal.user(), form.toData());
            redirect.addFlashAttribute("message", "trajectory.created");
            return "redirect:/trajecten/" + id;
        } catch (InvalidTrajectoryException e) {
            reject(result, e.violations());
            return invalid(model, form, null, response);
        }
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        model.addAttribute("trajectory", trajectories.view(principal.user(), id));
        model.addAttribute("today", trajectories.today());
        return "trajectory/view";
    }

    /** The change history of an own trajectory (the administrator's is under /beheer/trajecten). */
    @GetMapping("/{id}/geschiedenis")
    String history(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Locale locale,
                   Model model) {
        TrajectoryHistoryView history = trajectories.history(principal.user(), id, locale);
        model.addAttribute("history", history);
        model.addAttribute("back", "/trajecten/" + id);
        return "history/trajectory";
    }

    @GetMapping("/{id}/bewerken")
    String editForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        TrajectoryView view = trajectories.view(principal.user(), id);
        return form(model, TrajectoryForm.from(view.data(), view.version()), id);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
                  @ModelAttribute("form") TrajectoryForm form, BindingResult result, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        // A foreign id is not found whatever the form holds: checked before the form is judged.
        trajectories.requireOwn(principal.user(), id);
        if (result.hasErrors() || form.getVersion() == null) {
            reject(result, trajectories.validate(principal.user(), form.toData()));
            return invalid(model, form, id, response);
        }
        try {
            trajectories.update(principal.user(), id, form.getVersion(), form.toData());
            redirect.addFlashAttribute("message", "trajectory.saved");
            return "redirect:/trajecten/" + id;
        } catch (InvalidTrajectoryException e) {
            reject(result, e.violations());
            return invalid(model, form, id, response);
        } catch (StaleEditException | ObjectOptimisticLockingFailureException e) {
            return stale(model, result, response, () -> form(model, form, id));
        }
    }

    @PostMapping("/{id}/contact")
    String contactToday(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
                        @RequestParam(name = "terug", defaultValue = "") String back, RedirectAttributes redirect) {
        try {
            trajectories.addContactToday(principal.user(), id);
            redirect.addFlashAttribute("message", "trajectory.contact.added");
        } catch (InvalidTrajectoryException e) {
            redirect.addFlashAttribute("warning", "trajectory.contact.closed");
        }
        return "werklijst".equals(back) ? "redirect:/trajecten" : "redirect:/trajecten/" + id;
    }

    @GetMapping("/{id}/afsluiten")
    String closeForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        TrajectoryView view = trajectories.view(principal.user(), id);
        model.addAttribute("form", CloseForm.from(view.data(), view.version(), trajectories.today()));
        return closeView(model, view);
    }

    @PostMapping("/{id}/afsluiten")
    String close(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
                 @ModelAttribute("form") CloseForm form, BindingResult result, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        TrajectoryView view = trajectories.view(principal.user(), id);
        if (result.hasErrors() || form.getVersion() == null) {
            reject(result, trajectories.validateClosing(principal.user(), id, form.toData()));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return closeView(model, view);
        }
        try {
            trajectories.close(principal.user(), id, form.getVersion(), form.toData());
            redirect.addFlashAttribute("message", "trajectory.closed");
            return "redirect:/trajecten/" + id;
        } catch (InvalidTrajectoryException e) {
            reject(result, e.violations());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return closeView(model, view);
        } catch (StaleEditException | ObjectOptimisticLockingFailureException e) {
            return stale(model, result, response, () -> closeView(model, view));
        }
    }

    @PostMapping("/{id}/heropenen")
    String reopen(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
                  @RequestParam int version, RedirectAttributes redirect) {
        try {
            trajectories.reopen(principal.user(), id, version);
            redirect.addFlashAttribute("message", "trajectory.reopened");
        } catch (StaleEditException | ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("warning", "form.stale");
        }
        return "redirect:/trajecten/" + id;
    }

    @GetMapping("/{id}/verwijderen")
    String confirmDelete(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        model.addAttribute("trajectory", trajectories.view(principal.user(), id));
        return "trajectory/delete";
    }

    @PostMapping("/{id}/verwijderen")
    String delete(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
                  @RequestParam int version, RedirectAttributes redirect) {
        try {
            trajectories.delete(principal.user(), id, version);
            redirect.addFlashAttribute("message", "trajectory.deleted");
            return "redirect:/trajecten";
        } catch (StaleEditException | ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("warning", "form.stale");
            return "redirect:/trajecten/" + id;
        }
    }

    private String form(Model model, TrajectoryForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("trajectoryId", id);
        model.addAttribute("capjCodes", capj.activeCodes());
        return "trajectory/form";
    }

    /** Re-shows the form with everything typed and every error (HTTP 422). */
    private String invalid(Model model, TrajectoryForm form, Long id, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(model, form, id);
    }

    private String closeView(Model model, TrajectoryView view) {
        model.addAttribute("trajectory", view);
        return "trajectory/close";
    }

    private static String stale(Model model, BindingResult result, HttpServletResponse response,
                                java.util.function.Supplier<String> view) {
        result.reject("form.stale");
        response.setStatus(HttpStatus.CONFLICT.value());
        return view.get();
    }

    /** Rule violations become field errors; a field that failed binding keeps its own error. */
    private static void reject(BindingResult result, List<Violation> violations) {
        for (Violation v : violations) {
            if (result.getFieldType(v.field()) == null) {
                // A rule on a field this form does not have (closing a trajectory that lacks a CAP-J code):
                // shown above the form instead of failing with a 500.
                result.reject(v.code(), v.args(), v.code());
            } else if (result.getFieldErrorCount(v.field()) == 0) {
                result.rejectValue(v.field(), v.code(), v.args(), v.code());
            }
        }
    }

    private static long supporterId(AccountPrincipal principal) {
        Long supporter = principal.user().supporterId();
        if (supporter == null) {
            throw new NotFoundException();
        }
        return supporter;
    }

    private static int parsePage(String page) {
        try {
            return Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
