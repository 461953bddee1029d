package nl.jeugdhulp.registratie.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Asking for the TOTP code after the password, and the first enrolment of an authenticator app. */
@Controller
@RequestMapping("/account/tweede-factor")
class SecondFactorController {

    private final SecondFactor secondFactor;

    SecondFactorController(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @GetMapping
    String codeForm(@AuthenticationPrincipal AccountPrincipal principal, HttpSession session, Model model) {
        if (!secondFactor.requiredFor(principal.user()) || SecondFactor.verified(session)) {
            return "redirect:/";
        }
        if (!secondFactor.enrolled(principal.user().id())) {
            return "redirect:/account/tweede-factor/instellen";
        }
        model.addAttribute("form", new SecondFactorForm());
        return "account/second-factor";
    }

    @PostMapping
    String verify(@AuthenticationPrincipal AccountPrincipal principal, @Valid @ModelAttribute("form") SecondFactorForm form,
                  BindingResult result, HttpServletRequest request, HttpServletResponse response) {
        if (!secondFactor.requiredFor(principal.user()) || SecondFactor.verified(request.getSession(false))) {
            return "redirect:/";
        }
        if (!result.hasErrors()) {
            SecondFactor.Result outcome = secondFactor.verify(principal.user(), form.getCode());
            if (outcome == SecondFactor.Result.OK) {
                return verified(request);
            }
            reject(outcome, result, response);
        }
        form.setCode("");
        return "account/second-factor";
    }

    @GetMapping("/instellen")
    String enrolForm(@AuthenticationPrincipal AccountPrincipal principal, HttpSession session, Model model) {
        if (!secondFactor.requiredFor(principal.user()) || secondFactor.enrolled(principal.user().id())) {
            return "redirect:/account/tweede-factor";
        }
        model.addAttribute("form", new SecondFactorForm());
        return enrolView(principal, session, model);
    }

    @PostMapping("/instellen")
    String enrol(@AuthenticationPrincipal AccountPrincipal principal, @Valid @ModelAttribute("form") SecondFactorForm form,
                 BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpSession session = request.getSession();
        if (!secondFactor.requiredFor(principal.user()) || secondFactor.enrolled(principal.user().id())) {
            return "redirect:/account/tweede-factor";
        }
        String secret = (String) session.getAttribute(SecondFactor.PENDING_SECRET);
        if (!result.hasErrors() && secret != null) {
            SecondFactor.Result outcome = secondFactor.enrol(principal.user(), secret, form.getCode());
            if (outcome == SecondFactor.Result.OK) {
                session.removeAttribute(SecondFactor.PENDING_SECRET);
                return verified(request);
            }
            reject(outcome, result, response);
        }
        form.setCode("");
        return enrolView(principal, session, model);
    }

    /** A stronger login deserves a new session id, as the password login got one. */
    private static String verified(HttpServletRequest request) {
        request.changeSessionId();
        request.getSession().setAttribute(SecondFactor.VERIFIED, Boolean.TRUE);
        return "redirect:/";
    }

    private static void reject(SecondFactor.Result outcome, BindingResult result, HttpServletResponse response) {
        if (outcome == SecondFactor.Result.LOCKED) {
            result.reject("secondFactor.locked");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        } else if (outcome == SecondFactor.Result.UNAVAILABLE) {
            result.reject("secondFactor.unavailable");
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        } else {
            result.rejectValue("code", "secondFactor.code.wrong");
        }
    }

    private String enrolView(AccountPrincipal principal, HttpSession session, Model model) {
        String secret = (String) session.getAttribute(SecondFactor.PENDING_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(SecondFactor.PENDING_SECRET, secret);
        }
        model.addAttribute("secret", Totp.grouped(secret));
        String otpauth = Totp.uri(SecondFactor.ISSUER, principal.user().username(), secret);
        model.addAttribute("otpauth", otpauth);
        model.addAttribute("qrCode", TotpQrCode.dataUri(otpauth));
        return "account/second-factor-enrol";
    }
}
