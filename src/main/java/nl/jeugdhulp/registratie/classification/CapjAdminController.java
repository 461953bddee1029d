package nl.jeugdhulp.registratie.classification;

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
@RequestMapping("/beheer/capj")
class CapjAdminController {

    private static final ConstraintField[] CONSTRAINTS = {
            new ConstraintField("capj_code_pkey", "code", "admin.capj.code.duplicate"),
            new ConstraintField("capj_code_group_code_fkey", "code", "admin.capj.group.missing")};

    private final CapjAdministration capj;

    CapjAdminController(CapjAdministration capj) {
        this.capj = capj;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("axes", capj.byAxis());
        return "admin/capj";
    }

    @GetMapping("/nieuw")
    String addForm(Model model) {
        model.addAttribute("form", new CapjCodeForm());
        return "admin/capj-new";
    }

    @PostMapping("/nieuw")
    String add(@Valid @ModelAttribute("form") CapjCodeForm form, BindingResult result, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("code")) {
            if (capj.exists(form.getCode())) {
                result.rejectValue("code", "admin.capj.code.duplicate");
            } else if (form.groupCode() != null && !capj.exists(form.groupCode())) {
                result.rejectValue("code", "admin.capj.group.missing", new Object[] {form.groupCode()}, null);
            }
        }
        if (!FormConflicts.save(result, () -> capj.add(form), CONSTRAINTS)) {
            return "admin/capj-new";
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/beheer/capj";
    }

    @GetMapping("/{code}")
    String renameForm(@PathVariable String code, Model model) {
        CapjAdministration.Code found = capj.find(code).orElseThrow(NotFoundException::new);
        model.addAttribute("code", found);
        model.addAttribute("form", CapjLabelForm.of(found));
        return "admin/capj-edit";
    }

    @PostMapping("/{code}")
    String rename(@PathVariable String code, @Valid @ModelAttribute("form") CapjLabelForm form, BindingResult result,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CapjAdministration.Code found = capj.find(code).orElseThrow(NotFoundException::new);
        model.addAttribute("code", found);
        if (result.hasErrors()) {
            return "admin/capj-edit";
        }
        try {
            capj.rename(found.code(), form);
        } catch (OptimisticLockingFailureException e) {
            FormConflicts.showCurrent(model, CapjLabelForm.of(capj.find(code).orElseThrow(NotFoundException::new)), response);
            return "admin/capj-edit";
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/beheer/capj";
    }

    @PostMapping("/{code}/intrekken")
    String retire(@PathVariable String code, RedirectAttributes redirect) {
        return setActive(code, false, "admin.capj.retired", redirect);
    }

    @PostMapping("/{code}/heractiveren")
    String reactivate(@PathVariable String code, RedirectAttributes redirect) {
        return setActive(code, true, "admin.capj.reactivated", redirect);
    }

    private String setActive(String code, boolean active, String message, RedirectAttributes redirect) {
        CapjAdministration.Code found = capj.find(code).orElseThrow(NotFoundException::new);
        capj.setActive(found.code(), active);
        redirect.addFlashAttribute("message", message);
        return "redirect:/beheer/capj";
    }
}
