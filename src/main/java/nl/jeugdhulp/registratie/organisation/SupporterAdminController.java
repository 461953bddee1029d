package nl.jeugdhulp.registratie.organisation;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
@RequestMapping("/beheer/ondersteuners")
class SupporterAdminController {

    private static final String VIEW = "admin/supporter-form";
    private static final ConstraintField[] CONSTRAINTS = {
            new ConstraintField("supporter_code_key", "code", "admin.supporter.code.duplicate"),
            new ConstraintField("supporter_code_format", "code", "admin.supporter.code.format"),
            new ConstraintField("supporter_user_id_key", "userId", "admin.supporter.user.taken"),
            new ConstraintField("supporter_user_id_fkey", "userId", "admin.choice.unknown"),
            new ConstraintField("supporter_pilot_id_fkey", "pilotId", "admin.choice.unknown"),
            new ConstraintField("supporter_practice_practice_id_fkey", "practices", "admin.choice.unknown")};

    private final Supporters supporters;
    private final Pilots pilots;
    private final Practices practices;
    private final SupporterProfiles profiles;

    SupporterAdminController(Supporters supporters, Pilots pilots, Practices practices, SupporterProfiles profiles) {
        this.supporters = supporters;
        this.pilots = pilots;
        this.practices = practices;
        this.profiles = profiles;
    }

    @InitBinder("form")
    void decimals(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new DecimalEditor());
    }

    @ModelAttribute("pilotOptions")
    List<Option> pilotOptions() {
        return pilots.options();
    }

    @ModelAttribute("profileOptions")
    ProfileForm.Options profileOptions() {
        return ProfileForm.OPTIONS;
    }

    @ModelAttribute("practiceChoices")
    Map<Long, PracticeChoice> practiceChoices() {
        return practices.choices().stream().collect(Collectors.toMap(PracticeChoice::id, Function.identity()));
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("supporters", supporters.all());
        return "admin/supporters";
    }

    @GetMapping("/nieuw")
    String createForm(Model model) {
        model.addAttribute("form", supporters.newForm());
        model.addAttribute("accountOptions", supporters.accountOptions(null));
        return VIEW;
    }

    @PostMapping("/nieuw")
    String create(@Valid @ModelAttribute("form") SupporterForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        model.addAttribute("accountOptions", supporters.accountOptions(null));
        validate(form, result, model);
        if (!FormConflicts.save(result, () -> supporters.create(form), CONSTRAINTS)) {
            return VIEW;
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/beheer/ondersteuners";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("form", supporters.editForm(id).orElseThrow(NotFoundException::new));
        model.addAttribute("accountOptions", supporters.accountOptions(id));
        model.addAttribute("id", id);
        return VIEW;
    }

    @GetMapping("/{id}/geschiedenis")
    String history(@PathVariable long id, Locale locale, Model model) {
        Supporters.Supporter supporter = supporters.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("supporterCode", supporter.code());
        model.addAttribute("revisions", profiles.history(id, supporter.pilotId(), locale));
        model.addAttribute("back", "/beheer/ondersteuners/" + id);
        return "history/profile";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") SupporterForm form, BindingResult result,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        supporters.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("accountOptions", supporters.accountOptions(id));
        model.addAttribute("id", id);
        validate(form, result, model);
        try {
            if (!FormConflicts.save(result, () -> supporters.update(id, form), CONSTRAINTS)) {
                return VIEW;
            }
        } catch (OptimisticLockingFailureException e) {
            FormConflicts.showCurrent(model, supporters.editForm(id).orElseThrow(NotFoundException::new), response);
            return VIEW;
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/beheer/ondersteuners";
    }

    @SuppressWarnings("unchecked")
    private void validate(SupporterForm form, BindingResult result, Model model) {
        result.pushNestedPath("profile");
        form.getProfile().validate(result);
        result.popNestedPath();
        List<Option> accounts = (List<Option>) model.getAttribute("accountOptions");
        if (form.getUserId() != null && accounts.stream().noneMatch(o -> o.id() == form.getUserId())) {
            result.rejectValue("userId", "admin.supporter.user.taken");
        }
        Map<Long, PracticeChoice> choices = (Map<Long, PracticeChoice>) model.getAttribute("practiceChoices");
        for (int i = 0; i < form.getPractices().size(); i++) {
            PracticeHours row = form.getPractices().get(i);
            if (!row.isSelected()) {
                continue;
            }
            PracticeChoice choice = row.getPracticeId() == null ? null : choices.get(row.getPracticeId());
            if (choice == null) {
                result.rejectValue("practices[" + i + "].selected", "admin.choice.unknown");
            } else if (form.getPilotId() != null && choice.pilotId() != form.getPilotId()) {
                result.rejectValue("practices[" + i + "].selected", "admin.supporter.practice.otherPilot");
            }
        }
    }
}
