package nl.jeugdhulp.registratie.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's views of the audit log (/beheer, so BEHEERDER only): per trajectory and per
 * user, filtered by period, paged, and exported as CSV. Looking at the log is logged too.
 */
@Controller
@RequestMapping("/beheer/audit")
class AuditController {

    private final AuditTrail trail;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    AuditController(AuditTrail trail, AuditLog audit, JdbcClient jdbc) {
        this.trail = trail;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    record UserChoice(long id, String username) {
    }

    /** The start page: choose a trajectory number or a user. */
    @GetMapping
    String index(@RequestParam(name = "traject", required = false) String trajectory,
                 @RequestParam(name = "gebruiker", required = false) String user, Model model,
                 HttpServletResponse response) {
        if (trajectory != null) {
            Long id = parseId(trajectory);
            if (id != null) {
                return "redirect:/beheer/audit/traject/" + id;
            }
            model.addAttribute("trajectoryError", "audit.trajectory.invalid");
            model.addAttribute("trajectoryValue", trajectory);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        if (user != null) {
            Long id = parseId(user);
            if (id != null) {
                return "redirect:/beheer/audit/gebruiker/" + id;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("users", jdbc.sql("SELECT id, username FROM app_user ORDER BY username")
                .query(UserChoice.class).list());
        return "admin/audit";
    }

    @GetMapping("/traject/{id}")
    String trajectory(@PathVariable long id, @ModelAttribute("period") AuditPeriodForm period, BindingResult errors,
                      Model model, HttpServletResponse response) {
        model.addAttribute("heading", "audit.trajectory.title");
        model.addAttribute("subjectLabel", String.valueOf(id));
        model.addAttribute("base", "/beheer/audit/traject/" + id);
        model.addAttribute("historyUrl", "/beheer/trajecten/" + id + "/geschiedenis");
        return show(AuditTrail.Subject.trajectory(id), "TRAJECTORY:" + id, period, errors, model, response);
    }

    @GetMapping("/gebruiker/{id}")
    String user(@PathVariable long id, @ModelAttribute("period") AuditPeriodForm period, BindingResult errors,
                Model model, HttpServletResponse response) {
        String username = trail.usernameOf(id);
        model.addAttribute("heading", "audit.user.title");
        model.addAttribute("subjectLabel", username == null ? "#" + id : username);
        model.addAttribute("base", "/beheer/audit/gebruiker/" + id);
        return show(AuditTrail.Subject.user(id), "USER:" + id, period, errors, model, response);
    }

    @GetMapping("/traject/{id}/export.csv")
    void trajectoryCsv(@PathVariable long id, @ModelAttribute("period") AuditPeriodForm period, BindingResult errors,
                       HttpServletResponse response) throws IOException {
        export(AuditTrail.Subject.trajectory(id), "TRAJECTORY:" + id, "audit-traject-" + id, period, errors, response);
    }

    @GetMapping("/gebruiker/{id}/export.csv")
    void userCsv(@PathVariable long id, @ModelAttribute("period") AuditPeriodForm period, BindingResult errors,
                 HttpServletResponse response) throws IOException {
        export(AuditTrail.Subject.user(id), "USER:" + id, "audit-gebruiker-" + id, period, errors, response);
    }

    private String show(AuditTrail.Subject subject, String objectId, AuditPeriodForm period, BindingResult errors,
                        Model model, HttpServletResponse response) {
        if (invalid(period, errors)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("periodInvalid", true);
            model.addAttribute("events", new AuditTrail.Page(List.of(), 0, 0));
            return "admin/audit-events";
        }
        AuditTrail.Page page = trail.page(subject, period.getVan(), period.getTot(), period.getPagina());
        audit.record(AuditEntry.of(AuditAction.READ, "AUDIT_TRAIL_VIEWED", "AUDIT_TRAIL", objectId)
                .withDetails(period.describe() + ", pagina=" + (page.page() + 1)));
        model.addAttribute("events", page);
        return "admin/audit-events";
    }

    private void export(AuditTrail.Subject subject, String objectId, String name, AuditPeriodForm period,
                        BindingResult errors, HttpServletResponse response) throws IOException {
        if (invalid(period, errors)) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        String filename = name + (period.getVan() == null ? "" : "-van-" + period.getVan())
                + (period.getTot() == null ? "" : "-tot-" + period.getTot()) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        long rows = trail.writeCsv(subject, period.getVan(), period.getTot(), out);
        out.flush();
        audit.record(AuditEntry.of(AuditAction.EXECUTE, "AUDIT_TRAIL_EXPORTED", "AUDIT_TRAIL", objectId)
                .withDetails(period.describe() + ", rijen=" + rows));
    }

    private static boolean invalid(AuditPeriodForm period, BindingResult errors) {
        return errors.hasErrors() || (period.getVan() != null && period.getTot() != null
                && period.getVan().isAfter(period.getTot()));
    }

    private static Long parseId(String text) {
        String trimmed = text.trim();
        if (!trimmed.matches("[0-9]{1,15}")) {
            return null;
        }
        return Long.parseLong(trimmed);
    }
}
