package nl.jeugdhulp.registratie.questionnaire;

import jakarta.validation.Valid;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.web.NotFoundException;
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

/**
 * The project leader's questionnaire page: responses per supporter of their pilots, the free-text
 * answers in random order and without dates (so they cannot be matched to a visit), and typing in
 * paper forms of their supporters.
 */
@Controller
@RequestMapping("/pilot/vragenlijst")
class PilotQuestionnaireController {

    private final QuestionnaireLinks links;
    private final Responses responses;
    private final PaperForms paper;
    private final AuditLog audit;

    PilotQuestionnaireController(QuestionnaireLinks links, Responses responses, PaperForms paper, AuditLog audit) {
        this.links = links;
        this.responses = responses;
        this.paper = paper;
        this.audit = audit;
    }

    @InitBinder("form")
    void emptyIsNoAnswer(WebDataBinder binder) {
        QuestionnaireViews.binder(binder);
    }

    @GetMapping
    String overview(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        var pilots = principal.user().pilotIds();
        model.addAttribute("supporters", responses.perSupporter(pilots));
        model.addAttribute("goals", responses.texts(pilots, "goal"));
        model.addAttribute("remarks", responses.texts(pilots, "remarks"));
        audit.record(AuditEntry.of(AuditAction.READ, "QUESTIONNAIRE_TEXTS_VIEWED", "PILOT", null));
        return "questionnaire/pilot";
    }

    @GetMapping("/{supporterId}/papier/{version}")
    String paperForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long supporterId,
                     @PathVariable String version, Model model) {
        return paper.show(model, ofOwnPilot(principal, supporterId), version, action(supporterId, version));
    }

    @PostMapping("/{supporterId}/papier/{version}")
    String savePaper(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long supporterId,
                     @PathVariable String version, @Valid @ModelAttribute("form") ResponseForm form,
                     BindingResult result, Model model, RedirectAttributes redirect) {
        QuestionnaireLinks.Target target = ofOwnPilot(principal, supporterId);
        if (!paper.save(target, version, form, result)) {
            return paper.show(model, target, version, action(supporterId, version));
        }
        redirect.addFlashAttribute("message", "questionnaire.paper.saved");
        return "redirect:/pilot/vragenlijst";
    }

    /** A supporter of one of the project leader's pilots; any other id is not found. */
    private QuestionnaireLinks.Target ofOwnPilot(AccountPrincipal principal, long supporterId) {
        // Checked before forSupporter, which would make a link for a supporter who has none yet.
        if (!links.pilotOf(supporterId).map(principal.user().pilotIds()::contains).orElse(false)) {
            throw new NotFoundException();
        }
        return links.forSupporter(supporterId).orElseThrow(NotFoundException::new);
    }

    private static String action(long supporterId, String version) {
        return "/pilot/vragenlijst/" + supporterId + "/papier/" + version;
    }
}
