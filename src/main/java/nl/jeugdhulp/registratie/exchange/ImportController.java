package nl.jeugdhulp.registratie.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing a registration file: upload → dry run (counts and every problem, nothing written) →
 * import as a background job (status page with a progress bar, then the result). A supporter
 * imports their own registration; a project leader one of their pilots, an administrator any
 * pilot, with the {@code professionals} sheet and an account per new professional chosen on the
 * check page. The checked upload, the job and its rejected rows are kept in the database
 * ({@link ImportStore}), so every step may reach another instance.
 */
@Controller
@RequestMapping("/import")
class ImportController {

    static final String ACCOUNT_PARAMETER = "account.";

    private final TrajectoryImport imports;
    private final ImportJobs jobs;
    private final ImportStore store;
    private final AuditLog audit;
    private final MessageSource messages;
    private final DataSize maxSize;

    ImportController(TrajectoryImport imports, ImportJobs jobs, ImportStore store, AuditLog audit,
                     MessageSource messages,
                     @Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize maxSize) {
        this.imports = imports;
        this.jobs = jobs;
        this.store = store;
        this.audit = audit;
        this.messages = messages;
        this.maxSize = maxSize;
    }

    @GetMapping
    String form(@AuthenticationPrincipal(expression = "user") CurrentUser user, Model model) {
        formModel(user, model, null);
        return "exchange/import";
    }

    @PostMapping
    String upload(@AuthenticationPrincipal(expression = "user") CurrentUser user,
                  @RequestParam(name = "bestand", required = false) MultipartFile file,
                  @RequestParam(name = "pilot", required = false) Long pilot, Locale locale,
                  Model model, HttpServletResponse response) throws IOException {
        formModel(user, model, pilot);
        if (file == null || file.isEmpty()) {
            return refuse(model, response, HttpStatus.BAD_REQUEST.value(),
                    messages.getMessage("import.error.noFile", null, locale));
        }
        if (file.getSize() > maxSize.toBytes()) {
            return refuse(model, response, HttpStatus.PAYLOAD_TOO_LARGE.value(), tooLarge(messages, maxSize, locale));
        }
        ImportTarget target;
        try {
            target = imports.target(user, pilot);
        } catch (ImportFileException e) {
            return refuse(model, response, e.status(), e.message(messages, locale));
        }
        String fileName = fileName(file.getOriginalFilename());
        Path temp = Files.createTempFile(ImportTempFiles.UPLOAD_PREFIX, ".upload");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportPlan plan;
            try {
                plan = imports.plan(target, temp, null, locale);
            } catch (ImportFileException e) {
                return refuse(model, response, e.status(), e.message(messages, locale));
            }
            imports.auditCheck(target, fileName, plan, null);
            ImportStore.Upload upload = store.saveUpload(user.id(), temp, fileName, target, plan);
            checkModel(model, upload, Map.of(), Map.of());
            return "exchange/import-check";
        } finally {
            ImportFiles.delete(temp);
        }
    }

    @PostMapping("/{id}")
    String run(@AuthenticationPrincipal(expression = "user") CurrentUser user, @PathVariable String id,
               @RequestParam(name = "alleenGeldig", defaultValue = "false") boolean validOnly,
               @RequestParam Map<String, String> parameters, Locale locale,
               Model model, HttpServletResponse response) {
        ImportStore.Upload upload = store.findUpload(id, user.id()).orElse(null);
        if (upload == null) {
            formModel(user, model, null);
            return refuse(model, response, HttpStatus.BAD_REQUEST.value(),
                    messages.getMessage("import.error.uploadGone", null, locale));
        }
        Map<String, String> choices = accountChoices(parameters);
        if (!upload.target().ownRegistration()) {
            Map<String, String> problems = imports.accountProblems(upload.plan(), choices, locale);
            if (!problems.isEmpty()) {
                checkModel(model, upload, choices, problems);
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                return "exchange/import-check";
            }
        }
        String jobId;
        try {
            jobId = jobs.start(user, upload, validOnly, choices, locale);
        } catch (RejectedExecutionException e) {
            formModel(user, model, null);
            return refuse(model, response, HttpStatus.SERVICE_UNAVAILABLE.value(),
                    messages.getMessage("import.error.busy", null, locale));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // The same upload was confirmed twice at once: the other request started its job.
            formModel(user, model, null);
            return refuse(model, response, HttpStatus.BAD_REQUEST.value(),
                    messages.getMessage("import.error.uploadGone", null, locale));
        }
        return "redirect:/import/taak/" + jobId;
    }

    /** The job's page: a progress bar while it runs (refreshed by JS, or by a meta refresh without), then the result. */
    @GetMapping("/taak/{id}")
    String job(@AuthenticationPrincipal(expression = "user") CurrentUser user, @PathVariable String id, Model model,
               HttpServletResponse response) {
        ImportJobs.Job job = jobs.find(id, user).orElseThrow(NotFoundException::new);
        model.addAttribute("job", job);
        List<ImportStore.NewAccount> passwords = List.of();
        if (job.getState() == ImportStore.State.DONE) {
            model.addAttribute("plan", job.getPlan());
            passwords = jobs.takePasswords(job, user);
            if (!Boolean.TRUE.equals(job.getWritten())) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
        } else if (job.getState() == ImportStore.State.FAILED) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("passwords", passwords);
        return "exchange/import-job";
    }

    @GetMapping(path = "/taak/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> status(@AuthenticationPrincipal(expression = "user") CurrentUser user, @PathVariable String id) {
        ImportJobs.Job job = jobs.find(id, user).orElseThrow(NotFoundException::new);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", job.getState().name());
        status.put("finished", job.isFinished());
        status.put("processed", job.getProcessed());
        status.put("total", job.getTotal());
        status.put("percent", job.getPercent());
        return status;
    }

    /**
     * The rejected rows as a ZIP with one CSV per sheet (see {@link RejectedRows}), copied from the
     * database chunk by chunk straight into the response (synchronously: the request ends when it is written).
     */
    @GetMapping("/taak/{id}/afgewezen")
    void rejected(@AuthenticationPrincipal(expression = "user") CurrentUser user, @PathVariable String id,
                  HttpServletResponse response) throws IOException {
        ImportJobs.Job job = jobs.find(id, user).orElseThrow(NotFoundException::new);
        if (!job.isRejectedAvailable()) {
            throw new NotFoundException();
        }
        ImportPlan plan = job.getPlan();
        audit.record(AuditEntry.of(AuditAction.READ, "IMPORT_REJECTED_DOWNLOADED", "IMPORT", null)
                .withDetails("afgewezen=" + plan.rejectedRows() + ", professionals afgewezen="
                        + plan.rejectedProfessionals() + ", bestand=" + job.getFileName()));
        String base = job.getFileName().replaceAll("\\.[^.]*$", "");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(base + "-afgewezen.zip", StandardCharsets.UTF_8).build().toString());
        response.setContentType("application/zip");
        store.writeRejected(job.uuid(), response.getOutputStream());
    }

    static Map<String, String> accountChoices(Map<String, String> parameters) {
        Map<String, String> choices = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(ACCOUNT_PARAMETER) && value != null && !value.isBlank()) {
                choices.put(name.substring(ACCOUNT_PARAMETER.length()).strip().toUpperCase(Locale.ROOT),
                        value.strip().toLowerCase(Locale.ROOT));
            }
        });
        return choices;
    }

    static String tooLarge(MessageSource messages, DataSize max, Locale locale) {
        return messages.getMessage("import.error.tooLarge", new Object[] {size(max)}, locale);
    }

    static String size(DataSize size) {
        return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " kB";
    }

    private void formModel(CurrentUser user, Model model, Long pilot) {
        model.addAttribute("maxSize", size(maxSize));
        model.addAttribute("pilots", imports.pilotChoices(user));
        model.addAttribute("chosenPilot", pilot);
    }

    private void checkModel(Model model, ImportStore.Upload upload, Map<String, String> choices,
                            Map<String, String> accountProblems) {
        model.addAttribute("plan", upload.plan());
        model.addAttribute("target", upload.target());
        model.addAttribute("uploadId", upload.id().toString());
        model.addAttribute("fileName", upload.fileName());
        model.addAttribute("choices", choices);
        model.addAttribute("accountProblems", accountProblems);
        model.addAttribute("freeAccounts", upload.target().ownRegistration() || upload.plan().withoutAccount().isEmpty()
                ? List.of() : imports.freeAccounts());
    }

    private static String refuse(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        model.addAttribute("error", message);
        return "exchange/import";
    }

    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "bestand";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
        return name.length() > 120 ? name.substring(0, 120) : name.isEmpty() ? "bestand" : name;
    }
}
