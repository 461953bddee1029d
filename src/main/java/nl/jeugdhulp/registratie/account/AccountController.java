package nl.jeugdhulp.registratie.account;

import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletRequest;

@Controller
class AccountController {

    private final AccountService accounts;
    private final LoginThrottle throttle;

    AccountController(AccountService accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("throttleMinutes", throttle.windowMinutes());
        return "account/login";
    }

    @GetMapping("/account/wachtwoord")
    String passwordForm(Model model) {
        model.addAttribute("form", new PasswordChangeForm());
        return "account/password";
    }

    @PostMapping("/account/wachtwoord")
    String changePassword(@AuthenticationPrincipal AccountPrincipal principal,
                          @Valid @ModelAttribute("form") PasswordChangeForm form, BindingResult result,
                          HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("newPassword") && !form.getNewPassword().equals(form.getRepeatPassword())) {
            result.rejectValue("repeatPassword", "password.repeat.mismatch");
        }
        if (!result.hasErrors()) {
            accounts.changeOwnPassword(principal.user(), form.getCurrentPassword(), form.getNewPassword(), result);
        }
        if (result.hasErrors()) {
            form.clearPasswords();
            return "account/password";
        }
        // The session's principal no longer needs a change; keep the user logged in.
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication old = context.getAuthentication();
        AccountPrincipal updated = principal.withPasswordChanged();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, old.getAuthorities()));
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        redirect.addFlashAttribute("message", "password.changed");
        return "redirect:/";
    }
}
