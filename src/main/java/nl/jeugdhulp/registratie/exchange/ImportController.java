package nl.jeugdhulp.registratie.exchange;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * check page. Between dry run and import the upload waits in a temp file (see {@link ImportUploads}).
 */
@Controller
@RequestMapping("/import")
class ImportController {

    static final String ACCOUNT_PARAMETER = "account.";

    private final TrajectoryImport imports;
    private final ImportJobs jobs;
    private final AuditLog audit;
    private final DataSize maxSize;

    ImportController(TrajectoryImport imports, ImportJobs jobs, AuditLog audit,
                     @Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize maxSize) {
        this.imports = imports;
        this.jobs = jobs;
        this.audit = audit;
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
                  @RequestParam(name = "pilot", required = false) Long pilot, HttpSession session,
                  Model model, HttpServletResponse response) throws IOException {
        formModel(user, model, pilot);
        if (file == null || file.isEmpty()) {
            return refuse(model, response, HttpStatus.BAD_REQUEST.value(), "Kies een bestand om te importeren.");
        }
        if (file.getSize() > maxSize.toBytes()) {
            return refuse(model, response, HttpStatus.PAYLOAD_TOO_LARGE.value(), tooLarge(maxSize));
        }
        ImportTarget target;
        try {
            target = imports.target(user, pilot);
        } catch (ImportFileException e) {
            return refuse(model, response, e.status(), e.getMessage());
        }
        String fileName = fileName(file.getOriginalFilename());
        Path temp = Files.createTempFile(ImportTempFiles.UPLOAD_PREFIX, ".upload");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        ImportPlan plan;
        try {
            plan = imports.plan(target, temp, null);
        } catch (ImportFileException e) {
            ImportUploads.delete(temp);
            return refuse(model, response, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            ImportUploads.delete(temp);
            throw e;
        }
        imports.auditCheck(target, fileName, plan, null);
        ImportUploads.Upload upload = ImportUploads.keep(session, temp, fileName, target, plan);
        checkModel(model, upload, Map.of(), Map.of());
        return "exchange/import-check";
    }

    @PostMapping("/{id}")
    String run(@AuthenticationPrincipal(expression = "user") CurrentUser user, @PathVariable String id,
               @RequestParam(name = "alleenGeldig", defaultValue = "false") boolean validOnly,
               @RequestParam Map<String, String> parameters, HttpSession session,
               Model model, HttpServletResponse response) {
        ImportUploads.Upload upload = ImportUploads.peek(session, id).orElse(null);
        if (upload == null) {
            formModel(user, model, null);
            return refuse(model, response, HttpStatus.BAD_REQUEST.value(),
                    "Dit bestand is niet meer beschikbaar (al geïmporteerd of de sessie is verlopen). Upload het opnieuw.");
        }
        Map<String, String> choices = accountChoices(parameters);
        if (!upload.target().ownRegistration()) {
            Map<String, String> problems = imports.accountProblems(upload.plan(), choices);
            if (!problems.isEmpty()) {
                checkModel(model, upload, choices, problems);
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                return "exchange/import-check";
            }
        }
        ImportUploads.take(session, id);
        ImportJobs.Job job;
        try {
            job = jobs.start(user, upload.target(), upload.file(), upload.fileName(), validOnly, choices,
                    upload.plan().totalRows());
        } catch (RejectedExecutionException e) {
            formModel(user, model, null);
            return refuse(model, response, HttpStatus.SERVICE_UNAVAILABLE.value(),
                    "Er lopen nu te veel imports tegelijk. Upload het bestand over enkele minuten opnieuw.");
        }
        return "redirect:/import/taak/" + job.getId();
    }

    /** The job's page: a progress bar while it runs (refreshed by JS, or by a meta refresh without), then the result. */
    @GetMapping("/taak/{id}")
    String job(@AuthenticationPrincipal(expression = "user") CurrentUser user, @PathVariable String id, Model model,
               HttpServletResponse response) {
        ImportJobs.Job job = jobs.find(id, user).orElseThrow(NotFoundException::new);
        model.addAttribute("job", job);
        TrajectoryImport.Result result = job.getResult();
        if (result != null) {
            model.addAttribute("plan", result.plan());
            model.addAttribute("passwords", job.takePasswords());
            if (!result.written()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
        } else if (job.getState() == ImportJobs.State.FAILED) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
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

    @GetMapping("/taak/{id}/afgewezen")
    ResponseEntity<Resource> rejected(@AuthenticationPrincipal(expression = "user") CurrentUser user,
                                      @PathVariable String id) {
        ImportJobs.Job job = jobs.find(id, user).orElseThrow(NotFoundException::new);
        TrajectoryImport.Result result = job.getResult();
        if (result == null || result.rejectedFile() == null || !Files.exists(result.rejectedFile())) {
            throw new NotFoundException();
        }
        audit.record(AuditEntry.of(AuditAction.READ, "IMPORT_REJECTED_DOWNLOADED", "IMPORT", null)
                .withDetails("afgewezen=" + result.plan().rejectedRows() + ", bestand=" + job.getFileName()));
        String base = job.getFileName().replaceAll("\\.[^.]*$", "");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(base + "-afgewezen.csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(new FileSystemResource(result.rejectedFile()));
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

    static String tooLarge(DataSize max) {
        return "Het bestand is te groot; het mag hoogstens " + size(max) + " zijn.";
    }

    static String size(DataSize size) {
        return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " kB";
    }

    private void formModel(CurrentUser user, Model model, Long pilot) {
        model.addAttribute("maxSize", size(maxSize));
        model.addAttribute("pilots", imports.pilotChoices(user));
        model.addAttribute("chosenPilot", pilot);
    }

    private void checkModel(Model model, ImportUploads.Upload upload, Map<String, String> choices,
                            Map<String, String> accountProblems) {
        model.addAttribute("plan", upload.plan());
        model.addAttribute("target", upload.target());
        model.addAttribute("uploadId", upload.id());
        model.addAttribute("fileName", upload.fileName());
        model.addAttribute("choices", choices);
        model.addAttribute("accountProblems", accountProblems);
        model.addAttribute("freeAccounts", upload.target().ownRegistration() || upload.plan().withoutAccount().isEmpty()
                ? java.util.List.of() : imports.freeAccounts());
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
