package nl.jeugdhulp.registratie.web;

import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Privacy en gegevens": open to everyone, also before login. The retention periods come from the settings. */
@Controller
class PrivacyController {

    private final long auditRetentionMonths;
    private final int privateReferenceMonths;

    PrivacyController(@Value("${app.audit.retention:P5Y}") Period auditRetention,
                      @Value("${app.retention.private-reference-months:12}") int privateReferenceMonths) {
        this.auditRetentionMonths = auditRetention.toTotalMonths();
        this.privateReferenceMonths = privateReferenceMonths;
    }

    @GetMapping("/privacy")
    String privacy(Model model) {
        boolean wholeYears = auditRetentionMonths % 12 == 0;
        model.addAttribute("auditRetentionKey", wholeYears ? "privacy.kept.audit.years" : "privacy.kept.audit.months");
        model.addAttribute("auditRetention", wholeYears ? auditRetentionMonths / 12 : auditRetentionMonths);
        model.addAttribute("privateReferenceMonths", privateReferenceMonths);
        return "privacy";
    }
}
