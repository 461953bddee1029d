package nl.jeugdhulp.registratie.summary;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import nl.jeugdhulp.registratie.web.DecimalEditor;
import nl.jeugdhulp.registratie.web.FormConflicts;
import nl.jeugdhulp.registratie.web.FormConflicts.ConstraintField;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cost assumptions of the pilots a project leader runs (an administrator: all pilots). */
@Controller
@RequestMapping("/samenvatting/aannames")
class CostAssumptionController {

    private static final String FORM = "summary/assumption-form";
    private static final ConstraintField[] CONSTRAINTS = {
            new ConstraintField("pilot_cost_assumption_one_per_day", "validFrom", "assumptions.validFrom.taken"),
            new ConstraintField("pilot_cost_assumption_amount_range", "amount", "assumptions.range"),
            new ConstraintField("pilot_cost_assumption_staff_range", "staffCost", "assumptions.range"),
            new ConstraintField("pilot_cost_assumption_housing_range", "housingCost", "assumptions.range")};

    private final SummaryPilots pilots;
    private final CostAssumptions assumptions;

    CostAssumptionController(SummaryPilots pilots, CostAssumptions assumptions) {
        this.pilots = pilots;
        this.assumptions = assumptions;
    }

    @InitBinder("form")
    void decimals(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new DecimalEditor());
    }

    @GetMapping
    String list(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        List<PilotChoice> editable = pilots.editable(principal.user());
        Map<Long, List<CostAssumption>> byPilot = assumptions.of(editable.stream().map(PilotChoice::id).toList()).stream()
                .sorted(Comparator.comparing(CostAssumption::validFrom).reversed())
                .collect(Collectors.groupingBy(CostAssumption::pilotId));
        model.addAttribute("pilots", editable);
        model.addAttribute("byPilot", byPilot);
        model.addAttribute("euro", (Function<BigDecimal, String>) SummaryService::euro);
        return "summary/assumptions";
    }

    @GetMapping("/{pilotId}/nieuw")
    String createForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long pilotId, Model model) {
        PilotChoice pilot = pilots.editable(principal.user(), pilotId);
        List<CostAssumption> existing = assumptions.of(List.of(pilotId));
        model.addAttribute("pilot", pilot);
        model.addAttribute("form", existing.isEmpty() ? new CostAssumptionForm()
                : CostAssumptionForm.following(existing.get(existing.size() - 1)));
        return FORM;
    }

    @PostMapping("/{pilotId}/nieuw")
    String create(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long pilotId,
                  @Valid @ModelAttribute("form") CostAssumptionForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        model.addAttribute("pilot", pilots.editable(principal.user(), pilotId));
        if (!FormConflicts.save(result, () -> assumptions.create(pilotId, form), CONSTRAINTS)) {
            return FORM;
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/samenvatting/aannames";
    }

    @GetMapping("/{pilotId}/{id}")
    String editForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long pilotId,
                    @PathVariable long id, Model model) {
        model.addAttribute("pilot", pilots.editable(principal.user(), pilotId));
        model.addAttribute("form", CostAssumptionForm.of(assumptions.find(pilotId, id).orElseThrow(NotFoundException::new)));
        model.addAttribute("id", id);
        return FORM;
    }

    @PostMapping("/{pilotId}/{id}")
    String update(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long pilotId, @PathVariable long id,
                  @Valid @ModelAttribute("form") CostAssumptionForm form, BindingResult result, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("pilot", pilots.editable(principal.user(), pilotId));
        assumptions.find(pilotId, id).orElseThrow(NotFoundException::new);
        model.addAttribute("id", id);
        try {
            if (!FormConflicts.save(result, () -> assumptions.update(pilotId, id, form), CONSTRAINTS)) {
                return FORM;
            }
        } catch (OptimisticLockingFailureException e) {
            FormConflicts.showCurrent(model, CostAssumptionForm.of(assumptions.find(pilotId, id)
                    .orElseThrow(NotFoundException::new)), response);
            return FORM;
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/samenvatting/aannames";
    }
}
