package nl.jeugdhulp.registratie.exchange;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.audit.AuditOutcome;
import nl.jeugdhulp.registratie.registration.InvalidTrajectoryException;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * A supporter imports their own {@code trajecten} file: upload → dry run (counts and every
 * problem, nothing written) → import, all-or-nothing or only the valid rows with the rejected rows
 * as a CSV download. Between dry run and import the upload waits in a temp file (see
 * {@link ImportUploads}).
 */
@Controller
@RequestMapping("/import")
class ImportController {

    private final TrajectoryImport imports;
    private final AuditLog audit;
    private final DataSize maxSize;

    ImportController(TrajectoryImport imports, AuditLog audit,
                     @Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize maxSize) {
        this.imports = imports;
        this.audit = audit;
        this.maxSize = maxSize;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("maxSize", ImportController.size(maxSize));
        return "exchange/import";
    }

    @PostMapping
    String upload(@AuthenticationPrincipal(expression = "user") CurrentUser user,
                  @RequestParam(name = "bestand", required = false) MultipartFile file, HttpSession session,
                  Model model, HttpServletResponse response) throws IOException {
        model.addAttribute("maxSize", ImportController.size(maxSize));
        if (file == null || file.isEmpty()) {
            return refuse(model, response, HttpStatus.BAD_REQUEST, "Kies een bestand om te importeren.");
        }
        if (file.getSize() > maxSize.toBytes()) {
            return refuse(model, response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(maxSize));
        }
        String fileName = fileName(file.getOriginalFilename());
        Path temp = Files.createTempFile("jeugdhulp-import-", ".upload");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        ImportPlan plan;
        try {
            plan = imports.plan(user, temp);
        } catch (ImportFileException e) {
            ImportUploads.delete(temp);
            return refuse(model, response, HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            ImportUploads.delete(temp);
            throw e;
        }
        ImportUploads.Upload upload = uploads(session).keep(temp, fileName);
        model.addAttribute("plan", plan);
        model.addAttribute("uploadId", upload.id());
        model.addAttribute("fileName", fileName);
        return "exchange/import-check";
    }

    @PostMapping("/{id}")
    String run(@AuthenticationPrincipal(expression = "user") CurrentUser user, @PathVariable String id,
               @RequestParam(name = "alleenGeldig", defaultValue = "false") boolean validOnly, HttpSession session,
               Model model, HttpServletResponse response) {
        model.addAttribute("maxSize", ImportController.size(maxSize));
        ImportUploads uploads = uploads(session);
        ImportUploads.Upload upload = uploads.take(id).orElse(null);
        if (upload == null) {
            return refuse(model, response, HttpStatus.BAD_REQUEST,
                    "Dit bestand is niet meer beschikbaar (al geïmporteerd of de sessie is verlopen). Upload het opnieuw.");
        }
        ImportPlan.Result result;
        try {
            result = imports.run(user, upload.file(), upload.fileName(), validOnly);
        } catch (ImportFileException e) {
            return refuse(model, response, HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (InvalidTrajectoryException e) {
            // The data changed between check and import (e.g. a practice was removed): nothing was written.
            return refuse(model, response, HttpStatus.CONFLICT,
                    "Tijdens het importeren bleek een rij niet meer geldig; er is niets geïmporteerd. Upload het bestand opnieuw.");
        } finally {
            ImportUploads.delete(upload.file());
        }
        ImportPlan plan = result.plan();
        model.addAttribute("plan", plan);
        model.addAttribute("fileName", upload.fileName());
        model.addAttribute("outcome", result.outcome());
        if (result.outcome() == null) {
            audit.record(AuditEntry.of(AuditAction.CREATE, "TRAJECTORIES_IMPORTED", "IMPORT", null)
                    .withOutcome(AuditOutcome.FAILURE)
                    .withDetails("nieuw=0, bijgewerkt=0, afgewezen=" + plan.rejected().size()
                            + ", bestand=" + upload.fileName() + ", niets geïmporteerd (alles-of-niets)"));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        } else if (!plan.rejected().isEmpty()) {
            model.addAttribute("rejectedId", uploads.keepRejected(upload.fileName(),
                    TrajectoryImport.rejectedCsv(plan)).id());
        }
        return "exchange/import-done";
    }

    @GetMapping("/afgewezen/{id}")
    ResponseEntity<byte[]> rejected(@PathVariable String id, HttpSession session) {
        ImportUploads.RejectedFile file = uploads(session).rejected(id).orElse(null);
        if (file == null) {
            return ResponseEntity.notFound().build();
        }
        String base = file.fileName().replaceAll("\\.[^.]*$", "");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(base + "-afgewezen.csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(file.csv().getBytes(StandardCharsets.UTF_8));
    }

    static String tooLarge(DataSize max) {
        return "Het bestand is te groot; het mag hoogstens " + size(max) + " zijn.";
    }

    static String size(DataSize size) {
        return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " kB";
    }

    private static String refuse(Model model, HttpServletResponse response, HttpStatus status, String message) {
        response.setStatus(status.value());
        model.addAttribute("error", message);
        return "exchange/import";
    }

    private static ImportUploads uploads(HttpSession session) {
        synchronized (session) {
            Object existing = session.getAttribute(ImportUploads.ATTRIBUTE);
            if (existing instanceof ImportUploads uploads) {
                return uploads;
            }
            ImportUploads uploads = new ImportUploads();
            session.setAttribute(ImportUploads.ATTRIBUTE, uploads);
            return uploads;
        }
    }

    private static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "bestand";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
        return name.length() > 120 ? name.substring(0, 120) : name.toLowerCase(Locale.ROOT).isEmpty() ? "bestand" : name;
    }
}
