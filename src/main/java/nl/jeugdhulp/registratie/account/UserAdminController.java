package nl.jeugdhulp.registratie.account;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import nl.jeugdhulp.registratie.web.FormConflicts;
import nl.jeugdhulp.registratie.web.FormConflicts.ConstraintField;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
@RequestMapping("/beheer/gebruikers")
class UserAdminController {

    private static final ConstraintField[] CONSTRAINTS = {
            new ConstraintField("app_user_username_unique", "username", "admin.user.username.duplicate"),
            new ConstraintField("app_user_username_format", "username", "admin.user.username.format"),
            new ConstraintField("user_pilot_pilot_id_fkey", "pilotIds", "admin.choice.unknown"),
            new ConstraintField("user_municipality_municipality_id_fkey", "municipalityIds", "admin.choice.unknown")};

    private final UserAdministration users;
    private final SecondFactor secondFactor;

    UserAdminController(UserAdministration users, SecondFactor secondFactor) {
        this.users = users;
        this.secondFactor = secondFactor;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @ModelAttribute("pilotOptions")
    List<ScopeOption> pilotOptions() {
        return users.pilotOptions();
    }

    @ModelAttribute("municipalityOptions")
    List<ScopeOption> municipalityOptions() {
        return users.municipalityOptions();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.all());
        return "admin/users";
    }

    @GetMapping("/nieuw")
    String createForm(Model model) {
        model.addAttribute("form", new NewUserForm());
        model.addAttribute("supporterOptions", users.supporterOptions(null));
        return "admin/user-new";
    }

    @PostMapping("/nieuw")
    String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        List<ScopeOption> supporters = users.supporterOptions(null);
        model.addAttribute("supporterOptions", supporters);
        validateScope(form, result, supporters);
        if (!result.hasErrors()) {
            try {
                users.create(form);
            } catch (DataIntegrityViolationException e) {
                if (!FormConflicts.rejectConstraint(e, result, CONSTRAINTS)) {
                    throw e;
                }
            } catch (OptimisticLockingFailureException e) {
                result.rejectValue("supporterId", "admin.user.supporter.taken");
            }
        }
        if (result.hasErrors()) {
            form.setPassword("");
            return "admin/user-new";
        }
        redirect.addFlashAttribute("message", "admin.user.created");
        return "redirect:/beheer/gebruikers";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        UserAdministration.User user = users.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", EditUserForm.of(user));
        return edit(user, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me,
                  @Valid @ModelAttribute("form") EditUserForm form, BindingResult result, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        UserAdministration.User user = users.find(id).orElseThrow(NotFoundException::new);
        String view = edit(user, model);
        validateScope(form, result, users.supporterOptions(id));
        if (id == me.user().id() && form.getRole() != null && form.getRole() != user.role()) {
            result.rejectValue("role", "admin.user.self");
        }
        try {
            if (!FormConflicts.save(result, () -> users.update(id, form), CONSTRAINTS)) {
                return view;
            }
        } catch (OptimisticLockingFailureException e) {
            FormConflicts.showCurrent(model, EditUserForm.of(users.find(id).orElseThrow(NotFoundException::new)), response);
            return view;
        }
        redirect.addFlashAttribute("message", "admin.saved");
        return "redirect:/beheer/gebruikers";
    }

    @PostMapping("/{id}/blokkeren")
    String disable(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        users.find(id).orElseThrow(NotFoundException::new);
        if (id == me.user().id()) {
            redirect.addFlashAttribute("warning", "admin.user.self");
        } else {
            users.setEnabled(id, false);
            redirect.addFlashAttribute("message", "admin.user.disabled");
        }
        return "redirect:/beheer/gebruikers/" + id;
    }

    @PostMapping("/{id}/deblokkeren")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        users.find(id).orElseThrow(NotFoundException::new);
        users.setEnabled(id, true);
        redirect.addFlashAttribute("message", "admin.user.enabled");
        return "redirect:/beheer/gebruikers/" + id;
    }

    /** A lost authenticator app: the user sets up a new one at their next login. */
    @PostMapping("/{id}/tweede-factor")
    String resetSecondFactor(@PathVariable long id, RedirectAttributes redirect) {
        users.find(id).orElseThrow(NotFoundException::new);
        secondFactor.reset(id);
        redirect.addFlashAttribute("message", "admin.user.secondFactor.reset");
        return "redirect:/beheer/gebruikers/" + id;
    }

    @GetMapping("/{id}/wachtwoord")
    String resetForm(@PathVariable long id, Model model) {
        model.addAttribute("user", users.find(id).orElseThrow(NotFoundException::new));
        model.addAttribute("form", new PasswordResetForm());
        return "admin/user-password";
    }

    @PostMapping("/{id}/wachtwoord")
    String reset(@PathVariable long id, @Valid @ModelAttribute("form") PasswordResetForm form, BindingResult result,
                 Model model, RedirectAttributes redirect) {
        model.addAttribute("user", users.find(id).orElseThrow(NotFoundException::new));
        if (result.hasErrors()) {
            form.setPassword("");
            return "admin/user-password";
        }
        users.resetPassword(id, form.getPassword());
        redirect.addFlashAttribute("message", "admin.user.password.reset");
        return "redirect:/beheer/gebruikers/" + id;
    }

    private String edit(UserAdministration.User user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("supporterOptions", users.supporterOptions(user.id()));
        return "admin/user-edit";
    }

    private static void validateScope(UserScopeForm form, BindingResult result, List<ScopeOption> supporters) {
        form.validate(result);
        Long supporter = form.supporterInScope();
        if (supporter != null && supporters.stream().noneMatch(o -> o.id() == supporter)) {
            result.rejectValue("supporterId", "admin.user.supporter.taken");
        }
    }
}
