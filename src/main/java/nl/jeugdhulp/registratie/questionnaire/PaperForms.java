package nl.jeugdhulp.registratie.questionnaire;

import java.time.Clock;
import java.time.LocalDate;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Typing in a paper questionnaire: the public form's fields, stored with source PAPER and today's
 * date. Shared by the supporter's and the project leader's pages. The audit record names the
 * supporter whose form was typed in, not the response.
 */
@Component
class PaperForms {

    private final Responses responses;
    private final AuditLog audit;
    private final Clock clock;

    PaperForms(Responses responses, AuditLog audit, Clock clock) {
        this.responses = responses;
        this.audit = audit;
        this.clock = clock;
    }

    String show(Model model, QuestionnaireLinks.Target target, String version, String action) {
        if (!Scales.VERSIONS.contains(version) || target.functionType() == null) {
            throw new NotFoundException();
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ResponseForm.issue());
        }
        model.addAttribute("functionType", target.functionType());
        model.addAttribute("version", version);
        model.addAttribute("action", action);
        model.addAttribute("paper", true);
        model.addAttribute("supporterCode", target.code());
        QuestionnaireViews.scales(model);
        return QuestionnaireController.FORM;
    }

    /** Stores the form unless it has errors; returns whether the caller may redirect. */
    boolean save(QuestionnaireLinks.Target target, String version, ResponseForm form, BindingResult result) {
        if (!Scales.VERSIONS.contains(version) || target.functionType() == null) {
            throw new NotFoundException();
        }
        if (result.hasErrors()) {
            if (result.hasFieldErrors("formToken")) {
                form.setFormToken(QuestionnaireLinks.randomToken());
            }
            return false;
        }
        if (responses.store(target, form, Responses.Source.PAPER, LocalDate.now(clock))) {
            audit.record(AuditEntry.of(AuditAction.CREATE, "QUESTIONNAIRE_PAPER_ENTERED", "SUPPORTER", target.supporterId())
                    .withPilot(target.pilotId()));
        }
        return true;
    }
}
