package nl.jeugdhulp.registratie.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each role to its own start page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal AccountPrincipal principal) {
        return switch (principal.user().role()) {
            case PRAKTIJKONDERSTEUNER -> "redirect:/trajecten";
            case PROJECTLEIDER -> "redirect:/pilot/trajecten";
            case BEHEERDER -> "redirect:/beheer";
            case ONDERZOEKER -> "redirect:/export";
            case GEMEENTE -> "redirect:/samenvatting";
        };
    }
}
