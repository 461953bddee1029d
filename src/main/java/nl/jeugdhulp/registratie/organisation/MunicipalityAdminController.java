package nl.jeugdhulp.registratie.organisation;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
@RequestMapping("/beheer/gemeenten")
class MunicipalityAdminController {

    private static final String VIEW = "admin/municipality-form";
    private static final ConstraintField[] CONSTRAINTS = {
            new ConstraintField("municipality_cbs_code_key", "cbsCode", "admin.municipality.cbsCode.duplicate"),
            new ConstraintField("municipality_cbs_code_format", "cbsCode", "admin.municipality.cbsCode.format"),
            new ConstraintField("municipality_name_not_blank", "name", "jakarta.validation.constraints.NotBlank.message")};

    private final Municipalities municipalities;

    MunicipalityAdminController(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("municipalities", municipalities.all());
        return "admin/municipalities";
    }

    @GetMapping("/nieuw")
    String createForm(Model model) {
        model.addAttribute("form", new MunicipalityForm());
        return VIEW;
    }

    @PostMapping("/nieuw")
    String create(@Valid @ModelAttribute("form") MunicipalityForm form, BindingResult result, RedirectAttributes redirect) {
        if (!FormConflicts.save(result, () -> municipalities.create(form), CONSTRAINTS)) {
            return VIEW;
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/beheer/gemeenten";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("form", MunicipalityForm.of(municipalities.find(id).orElseThrow(NotFoundException::new)));
        model.addAttribute("id", id);
        return VIEW;
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") MunicipalityForm form, BindingResult result,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        municipalities.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("id", id);
        try {
            if (!FormConflicts.save(result, () -> municipalities.update(id, form), CONSTRAINTS)) {
                return VIEW;
            }
        } catch (OptimisticLockingFailureException e) {
            FormConflicts.showCurrent(model, MunicipalityForm.of(municipalities.find(id).orElseThrow(NotFoundException::new)), response);
            return VIEW;
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/beheer/gemeenten";
    }
}
