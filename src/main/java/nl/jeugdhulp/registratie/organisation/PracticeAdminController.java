package nl.jeugdhulp.registratie.organisation;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import nl.jeugdhulp.registratie.web.DecimalEditor;
import nl.jeugdhulp.registratie.web.FormConflicts;
import nl.jeugdhulp.registratie.web.FormConflicts.ConstraintField;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
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

@Controller
@RequestMapping("/beheer/praktijken")
class PracticeAdminController {

    private static final String VIEW = "admin/practice-form";
    private static final ConstraintField[] CONSTRAINTS = {
            new ConstraintField("practice_name_unique_in_pilot", "name", "admin.practice.name.duplicate"),
            new ConstraintField("practice_youth_within_patients", "patientsUnder18", "admin.practice.patientsUnder18.tooMany"),
            new ConstraintField("practice_pilot_id_fkey", "pilotId", "admin.choice.unknown"),
            new ConstraintField("practice_municipality_id_fkey", "municipalityId", "admin.choice.unknown")};

    private final Practices practices;
    private final Pilots pilots;
    private final Municipalities municipalities;

    PracticeAdminController(Practices practices, Pilots pilots, Municipalities municipalities) {
        this.practices = practices;
        this.pilots = pilots;
        this.municipalities = municipalities;
    }

    @InitBinder("form")
    void decimals(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new DecimalEditor());
    }

    @ModelAttribute("pilotOptions")
    List<Option> pilotOptions() {
        return pilots.options();
    }

    @ModelAttribute("municipalityOptions")
    List<Option> municipalityOptions() {
        return municipalities.options();
    }

    @ModelAttribute("disciplineCategories")
    List<String> disciplineCategories() {
        return PracticeForm.DISCIPLINES;
    }

    @ModelAttribute("yesNo")
    List<String> yesNo() {
        return List.of("true", "false");
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("practices", practices.all());
        model.addAttribute("disciplines", practices.allDisciplines());
        return "admin/practices";
    }

    @GetMapping("/nieuw")
    String createForm(Model model) {
        model.addAttribute("form", new PracticeForm());
        return VIEW;
    }

    @PostMapping("/nieuw")
    String create(@Valid @ModelAttribute("form") PracticeForm form, BindingResult result, RedirectAttributes redirect) {
        validate(form, result);
        if (!FormConflicts.save(result, () -> practices.create(form), CONSTRAINTS)) {
            return VIEW;
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/beheer/praktijken";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("form", practices.editForm(id).orElseThrow(NotFoundException::new));
        model.addAttribute("id", id);
        return VIEW;
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PracticeForm form, BindingResult result,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        practices.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("id", id);
        validate(form, result);
        try {
            if (!FormConflicts.save(result, () -> practices.update(id, form), CONSTRAINTS)) {
                return VIEW;
            }
        } catch (OptimisticLockingFailureException e) {
            FormConflicts.showCurrent(model, practices.editForm(id).orElseThrow(NotFoundException::new), response);
            return VIEW;
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/beheer/praktijken";
    }

    private void validate(PracticeForm form, BindingResult result) {
        form.validate(result);
        if (form.getPilotId() != null && form.getMunicipalityId() != null && !result.hasFieldErrors("municipalityId")
                && !practices.pilotCovers(form.getPilotId(), form.getMunicipalityId())) {
            result.rejectValue("municipalityId", "admin.practice.municipality.notInPilot");
        }
    }
}
