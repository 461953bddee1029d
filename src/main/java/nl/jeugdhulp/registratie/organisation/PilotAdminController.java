package nl.jeugdhulp.registratie.organisation;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import nl.jeugdhulp.registratie.web.FormConflicts;
import nl.jeugdhulp.registratie.web.FormConflicts.ConstraintField;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/beheer/pilots")
class PilotAdminController {

    private static final String VIEW = "admin/pilot-form";
    private static final ConstraintField[] CONSTRAINTS = {
            new ConstraintField("pilot_name_key", "name", "admin.pilot.name.duplicate"),
            new ConstraintField("pilot_dates_in_order", "endDate", "admin.pilot.endDate.beforeStart"),
            new ConstraintField("pilot_municipality_municipality_id_fkey", "municipalityIds", "admin.choice.unknown")};

    private final Pilots pilots;
    private final Municipalities municipalities;

    PilotAdminController(Pilots pilots, Municipalities municipalities) {
        this.pilots = pilots;
        this.municipalities = municipalities;
    }

    @ModelAttribute("municipalityOptions")
    List<Option> municipalityOptions() {
        return municipalities.options();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("pilots", pilots.all());
        return "admin/pilots";
    }

    @GetMapping("/nieuw")
    String createForm(Model model) {
        model.addAttribute("form", new PilotForm());
        return VIEW;
    }

    @PostMapping("/nieuw")
    String create(@Valid @ModelAttribute("form") PilotForm form, BindingResult result, RedirectAttributes redirect) {
        form.validate(result);
        if (!FormConflicts.save(result, () -> pilots.create(form), CONSTRAINTS)) {
            return VIEW;
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/beheer/pilots";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("form", PilotForm.of(pilots.find(id).orElseThrow(NotFoundException::new)));
        model.addAttribute("id", id);
        return VIEW;
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PilotForm form, BindingResult result,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        pilots.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("id", id);
        form.validate(result);
        try {
            if (!FormConflicts.save(result, () -> pilots.update(id, form), CONSTRAINTS)) {
                return VIEW;
            }
        } catch (OptimisticLockingFailureException e) {
            FormConflicts.showCurrent(model, PilotForm.of(pilots.find(id).orElseThrow(NotFoundException::new)), response);
            return VIEW;
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/beheer/pilots";
    }
}
