package nl.jeugdhulp.registratie.questionnaire;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The supporter's questionnaire page: their personal link, the printable QR card, their own
 * aggregates (from five responses on) and typing in paper forms.
 */
@Controller
@RequestMapping("/profiel/vragenlijst")
class SupporterQuestionnaireController {

    /** Aggregates on this page cover every response so far. */
    private static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    private final QuestionnaireLinks links;
    private final Responses responses;
    private final QuestionnaireStatistics statistics;
    private final PaperForms paper;
    private final Clock clock;

    SupporterQuestionnaireController(QuestionnaireLinks links, Responses responses, QuestionnaireStatistics statistics,
                                     PaperForms paper, Clock clock) {
        this.links = links;
        this.responses = responses;
        this.statistics = statistics;
        this.paper = paper;
        this.clock = clock;
    }

    @InitBinder("form")
    void emptyIsNoAnswer(WebDataBinder binder) {
        QuestionnaireViews.binder(binder);
    }

    @GetMapping
    String overview(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        QuestionnaireLinks.Target target = own(principal);
        long supporterId = target.supporterId();
        model.addAttribute("target", target);
        model.addAttribute("link", publicLink(target.token()));
        model.addAttribute("responses", responses.countOf(supporterId));
        model.addAttribute("minimum", QuestionnaireStatistics.MINIMUM_OWN);
        model.addAttribute("stats", statistics.statistics(new ResponseSelection(BEGINNING, LocalDate.now(clock), false,
                Set.of(), supporterId, null, null, null)));
        return "questionnaire/own";
    }

    @GetMapping("/kaart")
    String card(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        QuestionnaireLinks.Target target = own(principal);
        if (target.functionType() == null) {
            throw new NotFoundException();
        }
        model.addAttribute("target", target);
        model.addAttribute("link", publicLink(target.token()));
        return "questionnaire/card";
    }

    @GetMapping(path = "/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(@AuthenticationPrincipal AccountPrincipal principal) {
        QuestionnaireLinks.Target target = own(principal);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCodes.svg(publicLink(target.token()), "QR-code"));
    }

    @GetMapping("/papier/{version}")
    String paperForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String version, Model model) {
        return paper.show(model, own(principal), version, "/profiel/vragenlijst/papier/" + version);
    }

    @PostMapping("/papier/{version}")
    String savePaper(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String version,
                     @Valid @ModelAttribute("form") ResponseForm form, BindingResult result, Model model,
                     RedirectAttributes redirect) {
        QuestionnaireLinks.Target target = own(principal);
        if (!paper.save(target, version, form, result)) {
            return paper.show(model, target, version, "/profiel/vragenlijst/papier/" + version);
        }
        redirect.addFlashAttribute("message", "questionnaire.paper.saved");
        return "redirect:/profiel/vragenlijst";
    }

    private QuestionnaireLinks.Target own(AccountPrincipal principal) {
        Long supporterId = principal.user().supporterId();
        if (supporterId == null) {
            throw new NotFoundException();
        }
        return links.forSupporter(supporterId).orElseThrow(NotFoundException::new);
    }

    static String publicLink(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/v/{token}").buildAndExpand(token).toUriString();
    }
}
