package nl.jeugdhulp.registratie.account;

import jakarta.validation.Valid;
import java.time.Clock;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "API-sleutels": a user with report access makes and revokes their own tokens for scripts. A new
 * token is shown once, on the page the creation redirects to (a flash attribute, gone on reload).
 */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/account/tokens")
    String list(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ApiTokenForm());
        }
        model.addAttribute("tokens", tokens.list(principal.user().id(), clock.getZone()));
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String create(@AuthenticationPrincipal AccountPrincipal principal, @Valid @ModelAttribute("form") ApiTokenForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        long userId = principal.user().id();
        if (!result.hasErrors() && tokens.activeCount(userId) >= ApiTokens.MAX_ACTIVE_PER_USER) {
            result.reject("api.token.tooMany", new Object[] {ApiTokens.MAX_ACTIVE_PER_USER}, null);
        }
        if (result.hasErrors()) {
            model.addAttribute("tokens", tokens.list(userId, clock.getZone()));
            return "account/tokens";
        }
        ApiTokens.Created created = tokens.create(userId, form.getName());
        redirect.addFlashAttribute("created", created);
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{id}/intrekken")
    String revoke(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
                  RedirectAttributes redirect) {
        if (!tokens.revoke(principal.user().id(), id)) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("message", "api.token.revoked");
        return "redirect:/account/tokens";
    }
}
