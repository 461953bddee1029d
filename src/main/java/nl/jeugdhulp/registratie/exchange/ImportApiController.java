package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import for scripts (docs/api.md): the same file, scope, validation and audit as the page,
 * answered as JSON in the request itself (a script waits; the page uses a background job).
 */
@RestController
class ImportApiController {

    private static final Logger log = LoggerFactory.getLogger(ImportApiController.class);

    private final TrajectoryImport imports;
    private final MessageSource messages;
    private final DataSize maxSize;

    ImportApiController(TrajectoryImport imports, MessageSource messages,
                        @Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize maxSize) {
        this.imports = imports;
        this.messages = messages;
        this.maxSize = maxSize;
    }

    @PostMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> importFile(@AuthenticationPrincipal AccountPrincipal principal,
                                                   @RequestParam(name = "bestand", required = false) MultipartFile file,
                                                   @RequestParam(name = "proef", defaultValue = "false") String dryRun,
                                                   @RequestParam(name = "modus", defaultValue = "alles") String mode,
                                                   @RequestParam(name = "pilot", required = false) String pilot,
                                                   @RequestParam Map<String, String> parameters,
                                                   Locale locale) throws IOException {
        CurrentUser user = principal.user();
        if (file == null || file.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, text("import.api.noFile", locale));
        }
        if (file.getSize() > maxSize.toBytes()) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, ImportController.tooLarge(messages, maxSize, locale));
        }
        if (!dryRun.equals("true") && !dryRun.equals("false")) {
            return error(HttpStatus.BAD_REQUEST, text("import.api.dryRun", locale));
        }
        if (!mode.equals("alles") && !mode.equals("geldig")) {
            return error(HttpStatus.BAD_REQUEST, text("import.api.mode", locale));
        }
        Long pilotId = null;
        if (pilot != null && !pilot.isBlank()) {
            try {
                pilotId = Long.valueOf(pilot.strip());
            } catch (NumberFormatException e) {
                return error(HttpStatus.BAD_REQUEST, text("import.api.pilot", locale));
            }
        }
        ImportTarget target;
        try {
            target = imports.target(user, pilotId);
        } catch (ImportFileException e) {
            return error(HttpStatus.valueOf(e.status()), e.message(messages, locale));
        }
        String fileName = ImportController.fileName(file.getOriginalFilename());
        Map<String, String> accounts = ImportController.accountChoices(parameters);
        Path temp = Files.createTempFile("jeugdhulp-api-import-", ".upload");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (dryRun.equals("true")) {
                ImportPlan plan = imports.plan(target, temp, target.ownRegistration() ? null : accounts, locale);
                imports.auditCheck(target, fileName, plan, "api");
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(body(target, plan, true, false, plan.newRows(), plan.updatedRows(), List.of()));
            }
            TrajectoryImport.Result result = imports.run(target, temp, fileName, mode.equals("geldig"), accounts,
                    null, "api", locale);
            if (result.rejectedFile() != null) {
                ImportFiles.delete(result.rejectedFile());
            }
            List<Map<String, String>> created = result.newAccounts().stream()
                    .map(a -> Map.of("gebruikersnaam", a.username(), "wachtwoord", a.password())).toList();
            return ResponseEntity.status(result.written() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body(target, result.plan(), false, result.written(), result.created(), result.updated(), created));
        } catch (ImportFileException e) {
            return error(HttpStatus.valueOf(e.status()), e.message(messages, locale));
        } finally {
            ImportFiles.delete(temp);
        }
    }

    private static Map<String, Object> body(ImportTarget target, ImportPlan plan, boolean dryRun, boolean written,
                                            int created, int updated, List<Map<String, String>> accounts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("proef", dryRun);
        body.put("geimporteerd", written);
        body.put("pilot", target.pilotName());
        body.put("nieuw", created);
        body.put("bijgewerkt", updated);
        body.put("afgewezen", plan.rejectedRows());
        if (!target.ownRegistration()) {
            body.put("professionals", Map.of("nieuw", plan.newProfessionals(), "bijgewerkt", plan.updatedProfessionals(),
                    "afgewezen", plan.rejectedProfessionals()));
            body.put("nieuweAccounts", accounts);
        }
        body.put("aantalProblemen", plan.problemCount());
        body.put("problemen", plan.problems());
        body.put("waarschuwingen", plan.warnings());
        return body;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(Locale locale) {
        return error(HttpStatus.NOT_FOUND, text("import.api.pilotNotFound", locale));
    }

    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<Map<String, Object>> refusedByDatabase(Exception e, Locale locale) {
        log.warn("An API import was refused by the database", e);
        return error(HttpStatus.CONFLICT, text("import.api.database", locale));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> failed(Exception e, Locale locale) {
        log.error("The import API failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, text("import.error.application", locale));
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", message));
    }
}
