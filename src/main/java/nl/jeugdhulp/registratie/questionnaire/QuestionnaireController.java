package nl.jeugdhulp.registratie.questionnaire;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/**
 * The public questionnaire behind a supporter's personal link, without login: choose the version,
 * answer, thank you. Nothing about the sender is stored or logged (no audit record: it would hold
 * the address); sending is rate limited in memory.
 */
@Controller
@RequestMapping("/v/{token}")
class QuestionnaireController {

    static final String FORM = "questionnaire/form";

    private final QuestionnaireLinks links;
    private final Responses responses;
    private final SubmissionLimiter limiter;
    private final Clock clock;

    QuestionnaireController(QuestionnaireLinks links, Responses responses, SubmissionLimiter limiter, Clock clock) {
        this.links = links;
        this.responses = responses;
        this.limiter = limiter;
        this.clock = clock;
    }

    @InitBinder("form")
    void emptyIsNoAnswer(WebDataBinder binder) {
        QuestionnaireViews.binder(binder);
    }

    @GetMapping
    String start(@PathVariable String token, Model model) {
        QuestionnaireLinks.Target target = target(token);
        model.addAttribute("functionType", target.functionType());
        model.addAttribute("token", token);
        return "questionnaire/start";
    }

    @GetMapping("/{version}")
    String form(@PathVariable String token, @PathVariable String version, Model model, HttpServletResponse response) {
        QuestionnaireLinks.Target target = target(token);
        // Back to this page from the thank-you page must show the same form (same one-time token),
        // so it may be kept in the browser's history; "no-store" would fetch a fresh form.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        model.addAttribute("form", ResponseForm.issue());
        return show(model, target, version);
    }

    @PostMapping("/{version}")
    String send(@PathVariable String token, @PathVariable String version, @Valid @ModelAttribute("form") ResponseForm form,
                BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
        QuestionnaireLinks.Target target = target(token);
        version(version);
        if (!limiter.allow(request.getRemoteAddr(), token)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "questionnaire/busy";
        }
        if (result.hasErrors()) {
            if (result.hasFieldErrors("formToken")) {
                form.setFormToken(QuestionnaireLinks.randomToken());
            }
            return show(model, target, version);
        }
        responses.store(target, form, Responses.Source.WEB, LocalDate.now(clock));
        return "redirect:/v/" + token + "/" + version + "/bedankt";
    }

    @GetMapping("/{version}/bedankt")
    String thanks(@PathVariable String token, @PathVariable String version, Model model) {
        QuestionnaireLinks.Target target = target(token);
        model.addAttribute("functionType", target.functionType());
        model.addAttribute("version", version(version));
        return "questionnaire/thanks";
    }

    private String show(Model model, QuestionnaireLinks.Target target, String version) {
        model.addAttribute("functionType", target.functionType());
        model.addAttribute("version", version(version));
        model.addAttribute("action", "/v/" + target.token() + "/" + version);
        model.addAttribute("paper", false);
        QuestionnaireViews.scales(model);
        return FORM;
    }

    private QuestionnaireLinks.Target target(String token) {
        return links.find(token).filter(t -> t.functionType() != null).orElseThrow(NotFoundException::new);
    }

    private static String version(String version) {
        if (!Scales.VERSIONS.contains(version)) {
            throw new NotFoundException();
        }
        return version;
    }
}
