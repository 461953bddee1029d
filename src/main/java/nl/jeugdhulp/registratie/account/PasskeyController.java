package nl.jeugdhulp.registratie.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Passkeys" on the user's own account pages: the list, and removal. Adding one is the browser
 * ceremony in {@code js/passkeys.js} against Spring Security's {@code /webauthn/register} endpoints.
 */
@Controller
class PasskeyController {

    private final Passkeys passkeys;
    private final Clock clock;

    PasskeyController(Passkeys passkeys, Clock clock) {
        this.passkeys = passkeys;
        this.clock = clock;
    }

    @GetMapping("/account/passkeys")
    String list(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        List<Row> rows = passkeys.of(principal.user().username()).stream()
                .map(c -> new Row(c.getCredentialId().toBase64UrlString(), c.getLabel(), local(c.getCreated()),
                        local(c.getLastUsed())))
                .toList();
        model.addAttribute("passkeys", rows);
        return "account/passkeys";
    }

    @PostMapping("/account/passkeys/{id}/verwijderen")
    String remove(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String id,
                  RedirectAttributes redirect) {
        if (!passkeys.remove(principal.user(), id)) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("message", "passkeys.removed");
        return "redirect:/account/passkeys";
    }

    private LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, clock.getZone());
    }

    record Row(String id, String label, LocalDateTime created, LocalDateTime lastUsed) {
    }
}
