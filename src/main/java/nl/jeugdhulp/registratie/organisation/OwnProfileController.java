package nl.jeugdhulp.registratie.organisation;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.Locale;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import nl.jeugdhulp.registratie.web.DecimalEditor;
import nl.jeugdhulp.registratie.web.FormConflicts;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supporter's own profile. Code, pilot, account and practices are the administrator's; shown read-only. */
@Controller
@RequestMapping("/profiel")
class OwnProfileController {

    private static final String VIEW = "profile/edit";

    private final Supporters supporters;
    private final SupporterProfiles profiles;

    OwnProfileController(Supporters supporters, SupporterProfiles profiles) {
        this.supporters = supporters;
        this.profiles = profiles;
    }

    @InitBinder("form")
    void decimals(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new DecimalEditor());
    }

    @ModelAttribute("profileOptions")
    ProfileForm.Options profileOptions() {
        return ProfileForm.OPTIONS;
    }

    @ModelAttribute("supporter")
    Supporters.Supporter supporter(@AuthenticationPrincipal AccountPrincipal principal) {
        Long id = principal.user().supporterId();
        if (id == null) {
            throw new NotFoundException();
        }
        return supporters.find(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String form(@ModelAttribute(name = "supporter", binding = false) Supporters.Supporter supporter, Model model) {
        model.addAttribute("form", ProfileForm.of(profiles.current(supporter.id()).orElse(null)));
        model.addAttribute("served", supporters.served(supporter.id()));
        return VIEW;
    }

    @GetMapping("/geschiedenis")
    String history(@ModelAttribute(name = "supporter", binding = false) Supporters.Supporter supporter, Locale locale,
                   Model model) {
        model.addAttribute("supporterCode", supporter.code());
        model.addAttribute("revisions", profiles.history(supporter.id(), supporter.pilotId(), locale));
        model.addAttribute("back", "/profiel");
        return "history/profile";
    }

    @PostMapping
    String save(@ModelAttribute(name = "supporter", binding = false) Supporters.Supporter supporter,
                @Valid @ModelAttribute("form") ProfileForm form, BindingResult result, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("served", supporters.served(supporter.id()));
        form.validate(result);
        if (result.hasErrors()) {
            return VIEW;
        }
        try {
            profiles.saveOwn(supporter.id(), supporter.pilotId(), form.toData(), form.getProfileVersion());
        } catch (OptimisticLockingFailureException e) {
            FormConflicts.showCurrent(model, ProfileForm.of(profiles.current(supporter.id()).orElse(null)), response);
            return VIEW;
        }
        redirect.addFlashAttribute("message", "profile.saved");
        return "redirect:/profiel";
    }
}
