package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.AANMELDDATUM;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.AANTAL_CONTACTEN;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.AFRONDING;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.AFRONDING_ANDERS_REDEN;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.BRON_ID;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.DATUM_LAATSTE_CONTACT;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.DIAGNOSE;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.DIAGNOSE_VRAAG;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.EINDDATUM;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.GEBOORTEJAAR;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.GEBOORTEMAAND;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.GESLACHT;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.HULPVRAAG;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.AANMELDER_ANDERS_TEKST;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.AFRONDING_ANDERS_TEKST;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.DIAGNOSE_ANDERS;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.INTERVENTIE_ANDERS_TEKST;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.KETENPARTNER;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.MOMENT_VERWIJZING;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.PRAKTIJK;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.PROFESSIONAL;
import static nl.jeugdhulp.registratie.exchange.ExchangeColumns.STARTDATUM;

import nl.jeugdhulp.registratie.account.AccountService;
import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.account.Role;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.audit.AuditOutcome;
import nl.jeugdhulp.registratie.classification.CapjCatalogue;
import nl.jeugdhulp.registratie.organisation.PracticeDirectory;
import nl.jeugdhulp.registratie.organisation.PracticeOption;
import nl.jeugdhulp.registratie.organisation.ProfessionalRegister;
import nl.jeugdhulp.registratie.organisation.ProfessionalRegister.KnownSupporter;
import nl.jeugdhulp.registratie.organisation.ProfessionalRegister.ProfileValues;
import nl.jeugdhulp.registratie.registration.Codes.Applicant;
import nl.jeugdhulp.registratie.registration.Codes.Consultation;
import nl.jeugdhulp.registratie.registration.Codes.Destination;
import nl.jeugdhulp.registratie.registration.Codes.Diagnosis;
import nl.jeugdhulp.registratie.registration.Codes.DiagnosisQuestion;
import nl.jeugdhulp.registratie.registration.Codes.Gender;
import nl.jeugdhulp.registratie.registration.Codes.Intervention;
import nl.jeugdhulp.registratie.registration.Codes.OtherReason;
import nl.jeugdhulp.registratie.registration.Codes.Outcome;
import nl.jeugdhulp.registratie.registration.Codes.ReferralMoment;
import nl.jeugdhulp.registratie.registration.TrajectoryBatch;
import nl.jeugdhulp.registratie.registration.TrajectoryData;
import nl.jeugdhulp.registratie.registration.Violation;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The import of a registration file (exchange-format.md), streamed: what validation needs is
 * loaded once ({@link TrajectoryBatch}, {@link ProfessionalRegister}), every row is mapped to
 * {@link TrajectoryData} and checked with the form's rules as it is read, and valid rows are
 * written in JDBC batches. Nothing grows with the file: no rows are kept, the rejected rows go to a
 * temp CSV file and only the first problems are listed. {@link #plan} writes nothing (the dry run);
 * {@link #run} writes in one transaction: everything or nothing, or only the valid rows.
 *
 * <p>A supporter imports into their own registration; a project leader (own pilots) or an
 * administrator (any pilot) imports into one pilot, where the {@code professionals} sheet creates
 * or updates supporters, each tied to an account chosen or created in the same import.
 */
@Service
class TrajectoryImport {

    static final String SHEET = ExchangeColumns.TRAJECTEN_SHEET;
    static final String PROFESSIONALS = ExchangeColumns.PROFESSIONALS_SHEET;
    static final String ACCOUNT = "account";
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final Pattern DUTCH_DATE = Pattern.compile("(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4})");
    private static final int MAX_SOURCE_ID = 60;

    // The exchange-format columns come from ExchangeColumns; these "anders, namelijk" texts are not
    // (yet) in exchange-format.md, but the form's rules demand them, so the import accepts them too.
    static final String BEKOSTIGING_ANDERS = "bekostiging_anders";
    static final List<String> CAPJ = capjColumns();
    static final Map<Applicant, String> APPLICANTS = group(ExchangeColumns.AANMELDER, Applicant.class);
    static final Map<Intervention, String> INTERVENTIONS = group(ExchangeColumns.INTERVENTIE, Intervention.class);
    static final Map<Consultation, String> CONSULTATIONS = group(ExchangeColumns.OVERLEG, Consultation.class);
    static final Map<Destination, String> DESTINATIONS = group(ExchangeColumns.VERWIJZING, Destination.class);
    static final Set<String> COLUMNS = columns();
    static final Set<String> PROFESSIONAL_COLUMNS = professionalColumns();

    /** Form field of a {@link Violation} → the column it is reported in. */
    private static final Map<String, String> FIELD_COLUMN = Map.ofEntries(
            Map.entry("practiceId", PRAKTIJK), Map.entry("privateReference", BRON_ID),
            Map.entry("birthMonth", GEBOORTEMAAND), Map.entry("birthYear", GEBOORTEJAAR),
            Map.entry("gender", GESLACHT), Map.entry("registrationDate", AANMELDDATUM),
            Map.entry("startDate", STARTDATUM), Map.entry("helpRequest", HULPVRAAG),
            Map.entry("capjCodes", CAPJ.get(0)), Map.entry("diagnosisQuestion", DIAGNOSE_VRAAG),
            Map.entry("diagnosis", DIAGNOSE), Map.entry("diagnosisOther", DIAGNOSE_ANDERS),
            Map.entry("applicants", APPLICANTS.get(Applicant.JEUGDIGE)),
            Map.entry("applicantOther", AANMELDER_ANDERS_TEKST), Map.entry("contacts", AANTAL_CONTACTEN),
            Map.entry("lastContactDate", DATUM_LAATSTE_CONTACT),
            Map.entry("interventions", INTERVENTIONS.get(Intervention.TRIAGE_SCREENING)),
            Map.entry("interventionOther", INTERVENTIE_ANDERS_TEKST),
            Map.entry("consultations", CONSULTATIONS.get(Consultation.HUISARTS)),
            Map.entry("endDate", EINDDATUM), Map.entry("outcome", AFRONDING),
            Map.entry("otherReason", AFRONDING_ANDERS_REDEN), Map.entry("otherReasonText", AFRONDING_ANDERS_TEKST),
            Map.entry("referralMoment", MOMENT_VERWIJZING),
            Map.entry("destinations", DESTINATIONS.get(Destination.SGGZ)));

    /** Profile form field → professionals column. */
    private static final Map<String, String> PROFILE_COLUMN = Map.ofEntries(
            Map.entry("functionType", "functie"), Map.entry("age", "leeftijd"), Map.entry("gender", "geslacht"),
            Map.entry("education", "opleiding"), Map.entry("educationOther", "opleiding_anders"),
            Map.entry("experienceYears", "ervaring_jaren"), Map.entry("salariedByGp", "loondienst_huisarts"),
            Map.entry("funding", "bekostiging"), Map.entry("fundingOther", BEKOSTIGING_ANDERS),
            Map.entry("hoursGpPractice", "uren_huisartsenpraktijk"), Map.entry("hoursInstitution", "uren_instelling"),
            Map.entry("hoursBaseTeam", "uren_basisteam"), Map.entry("housedInPractice", "huisvesting_praktijk"),
            Map.entry("paysRent", "huurkosten"), Map.entry("usesHis", "his"), Map.entry("usesZorgmail", "zorgmail"),
            Map.entry("registrationStart", "registratie_start"), Map.entry("registrationEnd", "registratie_eind"));

    private final TrajectoryBatch batch;
    private final PracticeDirectory practices;
    private final ProfessionalRegister register;
    private final AccountService accounts;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxUnpacked;

    TrajectoryImport(TrajectoryBatch batch, PracticeDirectory practices, ProfessionalRegister register,
                     AccountService accounts, MessageSource messages, JdbcClient jdbc,
                     PlatformTransactionManager transactions, AuditLog audit, Clock clock,
                     @Value("${app.import.max-unpacked-size:200MB}") DataSize maxUnpacked) {
        this.batch = batch;
        this.practices = practices;
        this.register = register;
        this.accounts = accounts;
        this.messages = messages;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.clock = clock;
        this.maxUnpacked = maxUnpacked.toBytes();
    }

    /** The pilots a user may import into (id → name): a project leader's own, every pilot for an administrator. */
    Map<Long, String> pilotChoices(CurrentUser user) {
        if (user.is(Role.BEHEERDER)) {
            return register.pilotNames(null);
        }
        if (user.is(Role.PROJECTLEIDER)) {
            return register.pilotNames(user.pilotIds());
        }
        return Map.of();
    }

    /**
     * Where this user's import goes. A supporter: their own registration. A project leader: one of
     * their pilots (the only one when {@code pilotId} is null); an administrator: any pilot. A pilot
     * outside the user's scope, or that does not exist, answers 404 as any foreign id.
     */
    ImportTarget target(CurrentUser user, Long pilotId) {
        if (user.is(Role.PRAKTIJKONDERSTEUNER)) {
            if (user.supporterId() == null) {
                throw new ImportFileException("import.error.noSupporter");
            }
            Map<String, Object> row = jdbc.sql("SELECT s.code, s.pilot_id, p.name FROM supporter s JOIN pilot p ON p.id = s.pilot_id WHERE s.id = :id")
                    .param("id", user.supporterId()).query().singleRow();
            return new ImportTarget(user.supporterId(), (String) row.get("code"), ((Number) row.get("pilot_id")).longValue(),
                    (String) row.get("name"));
        }
        Map<Long, String> choices = pilotChoices(user);
        if (pilotId == null) {
            if (user.is(Role.PROJECTLEIDER) && choices.size() == 1) {
                Map.Entry<Long, String> only = choices.entrySet().iterator().next();
                return new ImportTarget(null, null, only.getKey(), only.getValue());
            }
            throw new ImportFileException("import.error.choosePilot");
        }
        String name = choices.get(pilotId);
        if (name == null) {
            throw new NotFoundException();
        }
        return new ImportTarget(null, null, pilotId, name);
    }

    /** Reads and checks the whole file; writes nothing. {@code accountChoices} may be null (not chosen yet). */
    ImportPlan plan(ImportTarget target, Path file, Map<String, String> accountChoices, Locale locale) {
        Pass pass = new Pass(target, accountChoices, null, false, null, null, locale);
        pass.read(file);
        return pass.plan();
    }

    /** What an import run did; {@code written} false when nothing was stored. */
    public record Result(ImportPlan plan, boolean written, int created, int updated, Path rejectedFile,
                  List<AccountService.InitialPassword> newAccounts) {
    }

    /**
     * Writes the file in one transaction: with problems and not {@code validOnly}, nothing is stored
     * (rolled back); otherwise the valid rows, and the rejected rows go to a temp CSV file (the
     * caller deletes it). Audited once, with the counts, also when nothing was stored.
     */
    Result run(ImportTarget target, Path file, String fileName, boolean validOnly, Map<String, String> accountChoices,
               IntConsumer progress, String channel, Locale locale) {
        Path rejectedFile;
        try {
            rejectedFile = Files.createTempFile("jeugdhulp-afgewezen-", ".zip");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Result result;
        try (RejectedRows rejected = new RejectedRows(Files.newOutputStream(rejectedFile))) {
            result = transaction.execute(status -> {
                Pass pass = new Pass(target, accountChoices == null ? Map.of() : accountChoices,
                        batch.writer(Instant.now(clock)), validOnly, rejected, progress, locale);
                pass.read(file);
                ImportPlan plan = pass.flush();
                // "Only the valid rows" with none valid stores nothing: there is nothing to import.
                boolean anyValid = plan.newRows() + plan.updatedRows() + plan.newProfessionals()
                        + plan.updatedProfessionals() > 0;
                boolean written = plan.problemCount() == 0 || validOnly && anyValid;
                if (!written) {
                    status.setRollbackOnly();
                    return new Result(plan, false, 0, 0, null, List.of());
                }
                return new Result(plan, true, pass.writer.created(), pass.writer.updated(), null, pass.newAccounts);
            });
        } catch (IOException e) {
            ImportFiles.delete(rejectedFile);
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            ImportFiles.delete(rejectedFile);
            auditFailure(target, fileName, channel, "afgebroken: " + e.getClass().getSimpleName());
            throw e;
        }
        if (!result.written() || result.plan().rejectedRows() + result.plan().rejectedProfessionals() == 0) {
            ImportFiles.delete(rejectedFile);
            rejectedFile = null;
        }
        ImportPlan plan = result.plan();
        if (result.written()) {
            audit.record(AuditEntry.of(result.created() > 0 ? AuditAction.CREATE : AuditAction.UPDATE,
                            "TRAJECTORIES_IMPORTED", "IMPORT", null)
                    .withPilot(target.pilotId())
                    .withDetails("nieuw=" + result.created() + ", bijgewerkt=" + result.updated() + ", afgewezen="
                            + plan.rejectedRows() + ", bestand=" + fileName + professionalsDetail(target, plan, result)
                            + via(channel)));
        } else {
            auditFailure(target, fileName, channel, "afgewezen=" + plan.rejectedRows()
                    + professionalsDetail(target, plan, result) + (validOnly
                    ? ", niets geïmporteerd (geen geldige rijen)" : ", niets geïmporteerd (alles-of-niets)"));
        }
        return new Result(plan, result.written(), result.created(), result.updated(), rejectedFile, result.newAccounts());
    }

    private static String professionalsDetail(ImportTarget target, ImportPlan plan, Result result) {
        if (target.ownRegistration()) {
            return "";
        }
        return ", professionals nieuw=" + plan.newProfessionals() + " bijgewerkt=" + plan.updatedProfessionals()
                + " afgewezen=" + plan.rejectedProfessionals() + ", nieuwe accounts=" + result.newAccounts().size();
    }

    private static String via(String channel) {
        return channel == null ? "" : ", via=" + channel;
    }

    private void auditFailure(ImportTarget target, String fileName, String channel, String detail) {
        String details = detail.startsWith("afgewezen=")
                ? "nieuw=0, bijgewerkt=0, " + detail.replaceFirst("^(afgewezen=\\d+)", "$1, bestand=" + java.util.regex.Matcher.quoteReplacement(fileName))
                : "bestand=" + fileName + ", " + detail;
        audit.record(AuditEntry.of(AuditAction.CREATE, "TRAJECTORIES_IMPORTED", "IMPORT", null)
                .withOutcome(AuditOutcome.FAILURE).withPilot(target.pilotId()).withDetails(details + via(channel)));
    }

    /** Audits a dry run: it reads the user's data (which bron_ids exist) and tells what would happen. */
    void auditCheck(ImportTarget target, String fileName, ImportPlan plan, String channel) {
        audit.record(AuditEntry.of(AuditAction.EXECUTE, "TRAJECTORIES_IMPORT_CHECKED", "IMPORT", null)
                .withPilot(target.pilotId())
                .withDetails("nieuw=" + plan.newRows() + ", bijgewerkt=" + plan.updatedRows() + ", afgewezen="
                        + plan.rejectedRows() + ", bestand=" + fileName + via(channel)));
    }

    /**
     * Problems with the chosen accounts (code → user name), per professional code, before a job
     * starts: a user name must be new and well-formed, or name a practice supporter account that is
     * not the account of another supporter; a new professional needs one.
     */
    Map<String, String> accountProblems(ImportPlan plan, Map<String, String> choices, Locale locale) {
        Map<String, String> problems = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (ImportPlan.Professional p : plan.withoutAccount()) {
            String choice = choices.getOrDefault(p.code(), "");
            String problem = accountProblem(p.code(), p.isNew(), choice, used, locale);
            if (problem != null) {
                problems.put(p.code(), problem);
            }
        }
        return problems;
    }

    private String accountProblem(String code, boolean isNew, String choice, Set<String> used, Locale locale) {
        String username = choice == null ? "" : choice.strip().toLowerCase(Locale.ROOT);
        if (username.isEmpty()) {
            return isNew ? messages.getMessage("import.account.required", null, locale) : null;
        }
        if (!used.add(username)) {
            return messages.getMessage("import.account.chosenTwice", new Object[] {username}, locale);
        }
        var existing = accounts.findByUsername(username);
        if (existing.isEmpty()) {
            return AccountService.validUsername(username) ? null
                    : messages.getMessage("import.account.username", null, locale);
        }
        if (existing.get().role() != Role.PRAKTIJKONDERSTEUNER) {
            return messages.getMessage("import.account.notSupporter", new Object[] {username}, locale);
        }
        var linked = register.supporterOfAccount(existing.get().id());
        if (linked.isPresent() && !linked.get().equalsIgnoreCase(code)) {
            return messages.getMessage("import.account.linked", new Object[] {username}, locale);
        }
        return null;
    }

    /** Practice supporter accounts without a supporter, offered for linking on the check page. */
    List<String> freeAccounts() {
        return jdbc.sql("""
                        SELECT u.username FROM app_user u WHERE u.role = 'PRAKTIJKONDERSTEUNER' AND u.enabled
                           AND NOT EXISTS (SELECT 1 FROM supporter s WHERE s.user_id = u.id) ORDER BY u.username""")
                .query(String.class).list();
    }

    /** One pass over the file: professionals first (pilot imports), then trajecten, row by row. */
    private final class Pass {
        private final ImportTarget target;
        private final Map<String, String> accountChoices;
        private final TrajectoryBatch.Writer writer;
        private final boolean validOnly;
        private final RejectedRows rejectedOut;
        private final Locale locale;
        private final IntConsumer progress;
        private final Set<String> knownCapj;
        private final Map<String, Long> practiceByName = new HashMap<>();
        private final String practiceNotFound;
        /** Upper-case code → supporter id (negative: new in this file, not written yet). */
        private final Map<String, Long> supporterByCode = new HashMap<>();
        private final Map<String, KnownSupporter> pilotSupporters;
        private final Map<Long, Set<Long>> served;
        private final Map<Long, Map<String, Long>> sourceIds;
        private final Map<String, Integer> rejectedProfessionalRows = new HashMap<>();
        private final Set<String> sourceIdsInFile = new HashSet<>();
        private final Set<String> codesInSheet = new HashSet<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final List<ImportPlan.Professional> professionals = new ArrayList<>();
        private final List<AccountService.InitialPassword> newAccounts = new ArrayList<>();
        private final Set<String> usedAccounts = new HashSet<>();
        private List<String> header = List.of();
        private List<String> professionalsHeader = List.of();
        private int problemCount;
        private int rows;
        private int newRows;
        private int updatedRows;
        private int rejectedRows;
        private int newProfessionals;
        private int updatedProfessionals;
        private int rejectedProfessionals;
        private int processed;
        private long nextPlaceholder = -1;

        Pass(ImportTarget target, Map<String, String> accountChoices, TrajectoryBatch.Writer writer, boolean validOnly,
             RejectedRows rejected, IntConsumer progress, Locale locale) {
            this.target = target;
            this.accountChoices = accountChoices;
            this.writer = writer;
            this.validOnly = validOnly;
            this.progress = progress;
            this.rejectedOut = rejected;
            this.locale = locale;
            knownCapj = batch.knownCapjCodes();
            if (target.ownRegistration()) {
                for (PracticeOption p : practices.practicesOf(target.supporterId())) {
                    practiceByName.put(p.name().strip().toLowerCase(DUTCH), p.id());
                }
                practiceNotFound = "import.row.practice.notOwn";
                pilotSupporters = Map.of();
                served = Map.of(target.supporterId(), new HashSet<>(practiceByName.values()));
                sourceIds = batch.sourceIds(List.of(target.supporterId()));
                supporterByCode.put(target.supporterCode().toUpperCase(Locale.ROOT), target.supporterId());
            } else {
                practiceByName.putAll(register.practicesOfPilot(target.pilotId()));
                practiceNotFound = "import.row.practice.notInPilot";
                pilotSupporters = register.supportersOfPilot(target.pilotId());
                pilotSupporters.forEach((code, s) -> supporterByCode.put(code, s.id()));
                List<Long> ids = pilotSupporters.values().stream().map(KnownSupporter::id).toList();
                served = new HashMap<>(register.servedPractices(ids));
                sourceIds = batch.sourceIds(ids);
            }
        }

        void read(Path file) {
            if (!target.ownRegistration()) {
                ImportRowReader.readIfPresent(file, PROFESSIONALS, new ProfessionalRows(), maxUnpacked);
            }
            Rows trajecten = new Rows();
            ImportRowReader.read(file, SHEET, trajecten, maxUnpacked);
            if (trajecten.index == null) {
                throw new ImportFileException("import.file.noHeader");
            }
        }

        /** Writes what is pending and answers the summary. */
        ImportPlan flush() {
            if (writer != null && writing()) {
                writer.flush();
            }
            return plan();
        }

        ImportPlan plan() {
            return new ImportPlan(header, List.copyOf(warnings), rows, newRows, updatedRows, rejectedRows,
                    List.copyOf(problems), problemCount, List.copyOf(professionals), newProfessionals,
                    updatedProfessionals, rejectedProfessionals);
        }

        /** All or nothing stops writing at the first problem: the transaction is rolled back anyway. */
        private boolean writing() {
            return writer != null && (validOnly || problemCount == 0);
        }

        private String msg(String code, Object... args) {
            return messages.getMessage(code, args, code, locale);
        }

        private RowMapper mapper(List<String> cells, Map<String, Integer> index) {
            return new RowMapper(cells, index, messages, locale);
        }

        /** A problem of one cell, as "blad, rij, kolom: melding". */
        private void problem(String sheet, int rowNumber, String column, String message) {
            problem(msg("import.problem.line", sheet, String.valueOf(rowNumber), column, message));
        }

        private void problem(String line) {
            problemCount++;
            if (problems.size() < ImportPlan.MAX_PROBLEMS) {
                problems.add(line);
            }
        }

        private void tick() {
            processed++;
            if (progress != null) {
                progress.accept(processed);
            }
        }

        private Map<String, Integer> index(String sheet, List<String> names, Set<String> known) {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String key = ImportRowReader.columnKey(names.get(i));
                if (key.isEmpty()) {
                    continue;
                }
                if (!known.contains(key)) {
                    warnings.add(msg("import.warning.unknownColumn", sheet, names.get(i)));
                } else if (index.putIfAbsent(key, i) != null) {
                    warnings.add(msg("import.warning.duplicateColumn", sheet, names.get(i)));
                }
            }
            return index;
        }

        /** The professionals sheet: one supporter per row. */
        private final class ProfessionalRows implements ImportRowReader.RowHandler {
            private Map<String, Integer> index;

            @Override
            public void header(List<String> names) {
                index = index(PROFESSIONALS, names, PROFESSIONAL_COLUMNS);
                if (!index.containsKey(PROFESSIONAL)) {
                    throw new ImportFileException("import.file.noColumn", PROFESSIONALS, PROFESSIONAL);
                }
                professionalsHeader = List.copyOf(names);
            }

            @Override
            public void row(int rowNumber, List<String> cells) {
                tick();
                RowMapper mapper = mapper(cells, index);
                String raw = mapper.text(PROFESSIONAL);
                String code = raw == null ? null : ProfessionalRegister.normaliseCode(raw).orElse(null);
                if (raw == null) {
                    mapper.problem(PROFESSIONAL, msg("import.row.professional.required"));
                } else if (code == null) {
                    mapper.problem(PROFESSIONAL, msg("import.row.professional.invalid", raw));
                } else if (!codesInSheet.add(code)) {
                    mapper.problem(PROFESSIONAL, msg("import.row.professional.duplicate", code));
                }
                String pilot = mapper.text("pilot");
                if (pilot != null && !pilot.equalsIgnoreCase(target.pilotName().strip())) {
                    mapper.problem("pilot", msg("import.row.professional.pilot", target.pilotName()));
                }
                ProfileValues values = new ProfileValues(
                        mapper.code("functie", List.of("POH_JEUGD", "SOH_JGGZ", "OJG")), mapper.number("leeftijd"),
                        mapper.code("geslacht", List.of("M", "V", "X")),
                        mapper.code("opleiding", List.of("HBO", "WO", "WO_PLUS", "ANDERS")), mapper.text("opleiding_anders"),
                        mapper.number("ervaring_jaren"), mapper.zeroOne("loondienst_huisarts"),
                        mapper.code("bekostiging", List.of("GEMEENTE", "ZORGVERZEKERAAR", "HUISARTS", "ANDERS")),
                        mapper.text(BEKOSTIGING_ANDERS), mapper.decimal("uren_huisartsenpraktijk"),
                        mapper.decimal("uren_instelling"), mapper.decimal("uren_basisteam"),
                        mapper.zeroOne("huisvesting_praktijk"), mapper.zeroOne("huurkosten"), mapper.zeroOne("his"),
                        mapper.zeroOne("zorgmail"), mapper.date("registratie_start"), mapper.date("registratie_eind"));
                for (ProfessionalRegister.FieldProblem p : register.check(values)) {
                    mapper.problem(PROFILE_COLUMN.getOrDefault(p.field(), p.field()), p.message());
                }
                KnownSupporter existing = code == null ? null : pilotSupporters.get(code);
                if (code != null && existing == null && mapper.problems.isEmpty()) {
                    KnownSupporter elsewhere = register.supportersByCode(List.of(code)).get(code);
                    if (elsewhere != null) {
                        mapper.problem(PROFESSIONAL, msg("import.row.professional.otherPilot", code));
                    }
                }
                String chosen = null;
                if (code != null && accountChoices != null && (existing == null || existing.userId() == null)) {
                    String problem = accountProblem(code, existing == null, accountChoices.get(code), usedAccounts, locale);
                    if (problem != null) {
                        mapper.problem(ACCOUNT, problem);
                    } else {
                        chosen = accountChoices.get(code);
                    }
                }
                if (!mapper.problems.isEmpty()) {
                    rejectedProfessionals++;
                    if (code != null) {
                        rejectedProfessionalRows.put(code, rowNumber);
                    }
                    mapper.problems.forEach((column, message) -> problem(PROFESSIONALS, rowNumber, column, message));
                    if (rejectedOut != null) {
                        rejectedOut.row(PROFESSIONALS, professionalsHeader, cells, reasons(mapper));
                    }
                    return;
                }
                if (existing == null) {
                    newProfessionals++;
                } else {
                    updatedProfessionals++;
                }
                professionals.add(new ImportPlan.Professional(rowNumber, code, existing == null,
                        existing == null ? null : existing.username()));
                long id = nextPlaceholder--;
                if (writing()) {
                    Long userId = existing != null ? existing.userId() : null;
                    if (userId == null && chosen != null && !chosen.isBlank()) {
                        userId = account(chosen);
                    }
                    id = register.saveImported(target.pilotId(), code, values, userId);
                } else if (existing != null) {
                    id = existing.id();
                }
                supporterByCode.put(code, id);
            }
        }

        /** The account to link: an existing one, or a new one with a one-time initial password. */
        private long account(String username) {
            String name = username.strip().toLowerCase(Locale.ROOT);
            var existing = accounts.findByUsername(name);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            AccountService.InitialPassword created = accounts.createWithInitialPassword(name, Role.PRAKTIJKONDERSTEUNER,
                    "via import in pilot " + target.pilotName());
            newAccounts.add(created);
            return created.userId();
        }

        /** The trajecten sheet: one trajectory per row. */
        private final class Rows implements ImportRowReader.RowHandler {
            private Map<String, Integer> index;

            @Override
            public void header(List<String> names) {
                header = List.copyOf(names);
                index = index(SHEET, names, COLUMNS);
                if (!index.containsKey(STARTDATUM)) {
                    throw new ImportFileException("import.file.noStartColumn", SHEET, STARTDATUM);
                }
            }

            @Override
            public void row(int rowNumber, List<String> cells) {
                tick();
                rows++;
                RowMapper mapper = mapper(cells, index);
                Long supporterId = supporter(mapper);
                String sourceId = mapper.text(BRON_ID);
                if (sourceId != null && sourceId.length() > MAX_SOURCE_ID) {
                    mapper.problem(BRON_ID, msg("import.row.sourceId.length", String.valueOf(MAX_SOURCE_ID)));
                } else if (sourceId != null && supporterId != null && !sourceIdsInFile.add(supporterId + "\u0000" + sourceId)) {
                    mapper.problem(BRON_ID, msg("import.row.sourceId.duplicate"));
                }
                TrajectoryData data = mapper.data(practiceByName, practiceNotFound, target.pilotName()).normalised();
                Set<Long> servedBy = supporterId == null ? Set.of() : served.getOrDefault(supporterId, Set.of());
                // A pilot import may name any practice of the pilot: the supporter then serves it too.
                boolean ownOnly = target.ownRegistration();
                List<Violation> violations = batch.check(data, knownCapj, p -> !ownOnly || servedBy.contains(p));
                for (Violation v : violations) {
                    String column = FIELD_COLUMN.getOrDefault(v.field(), v.field());
                    if (v.code().equals("trajectory.capj.unknown") && v.args().length > 0) {
                        column = mapper.capjColumnOf(String.valueOf(v.args()[0]));
                    }
                    if (!mapper.problems.containsKey(column)) {
                        mapper.problem(column, messages.getMessage(v.code(), v.args(), v.code(), locale));
                    }
                }
                if (!mapper.problems.isEmpty()) {
                    rejectedRows++;
                    mapper.problems.forEach((column, message) -> problem(SHEET, rowNumber, column, message));
                    if (rejectedOut != null) {
                        rejectedOut.row(SHEET, header, cells, reasons(mapper));
                    }
                    return;
                }
                Long existingId = sourceId == null ? null
                        : sourceIds.getOrDefault(supporterId, Map.of()).get(sourceId);
                if (existingId == null) {
                    newRows++;
                } else {
                    updatedRows++;
                }
                if (writing()) {
                    if (!ownOnly && served.computeIfAbsent(supporterId, k -> new HashSet<>()).add(data.practiceId())) {
                        writer.pause(); // no other statement while new rows are being copied
                        register.addServedPractices(supporterId, List.of(data.practiceId()));
                    }
                    writer.add(supporterId, sourceId, existingId, data);
                }
            }

            /** The supporter of the row, or null with a problem on the professional column. */
            private Long supporter(RowMapper mapper) {
                String professional = mapper.text(PROFESSIONAL);
                if (target.ownRegistration()) {
                    if (professional != null && !professional.equalsIgnoreCase(target.supporterCode())) {
                        mapper.problem(PROFESSIONAL, msg("import.row.professional.notOwn", target.supporterCode()));
                    }
                    return target.supporterId();
                }
                if (professional == null) {
                    mapper.problem(PROFESSIONAL, msg("import.row.professional.missing"));
                    return null;
                }
                String code = professional.toUpperCase(Locale.ROOT);
                Integer rejectedRow = rejectedProfessionalRows.get(code);
                if (rejectedRow != null) {
                    mapper.problem(PROFESSIONAL, msg("import.row.professional.rejected", code, PROFESSIONALS,
                            String.valueOf(rejectedRow)));
                    return null;
                }
                Long id = supporterByCode.get(code);
                if (id == null) {
                    mapper.problem(PROFESSIONAL, msg("import.row.professional.unknown", professional, PROFESSIONALS,
                            target.pilotName()));
                }
                return id;
            }
        }

        /** The reden column of a rejected row: "kolom x: melding; kolom y: melding". */
        private String reasons(RowMapper mapper) {
            List<String> reasons = new ArrayList<>();
            mapper.problems.forEach((column, message) -> reasons.add(msg("import.problem.reason", column, message)));
            return String.join("; ", reasons);
        }
    }

    /** One row's cells by column; collects parse problems per column (the first per column counts). */
    static final class RowMapper {
        private final List<String> cells;
        private final Map<String, Integer> index;
        private final Map<String, String> problems = new LinkedHashMap<>();
        private final MessageSource messages;
        private final Locale locale;

        RowMapper(List<String> cells, Map<String, Integer> index, MessageSource messages, Locale locale) {
            this.cells = cells;
            this.index = index;
            this.messages = messages;
            this.locale = locale;
        }

        private String msg(String code, Object... args) {
            return messages.getMessage(code, args, code, locale);
        }

        void problem(String column, String message) {
            problems.putIfAbsent(column, message);
        }

        String text(String column) {
            Integer i = index.get(column);
            if (i == null || i >= cells.size() || cells.get(i) == null || cells.get(i).isBlank()) {
                return null;
            }
            return cells.get(i).strip();
        }

        Integer number(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
            } catch (NumberFormatException e) {
                problem(column, msg("import.cell.integer", value));
                return null;
            }
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                LocalDate date = plainDate(value);
                if (date != null) {
                    return date;
                }
                Matcher m = DUTCH_DATE.matcher(value);
                if (m.matches()) {
                    return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(1)));
                }
                return LocalDate.parse(value);
            } catch (java.time.DateTimeException e) {
                problem(column, msg("import.cell.date", value));
                return null;
            }
        }

        /**
         * The two usual forms read without a regular expression or a formatter (a file has tens of
         * thousands of dates): {@code d-m-yyyy} (or with {@code /}), as {@link #DUTCH_DATE} reads it, and
         * {@code yyyy-mm-dd}, as {@link LocalDate#parse} does; null for any other text, which then goes
         * the long way. An impossible date throws {@link java.time.DateTimeException} either way.
         */
        static LocalDate plainDate(String value) {
            int length = value.length();
            if (length == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
                int year = digits(value, 0, 4);
                int month = digits(value, 5, 7);
                int day = digits(value, 8, 10);
                return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
            }
            int first = separator(value, 0);
            int second = first < 0 ? -1 : separator(value, first + 1);
            if (second < 0 || length - second - 1 != 4) {
                return null;
            }
            int day = digits(value, 0, first);
            int month = digits(value, first + 1, second);
            int year = digits(value, second + 1, length);
            return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
        }

        /** Index of the {@code -} or {@code /} after one or two characters from {@code from}, or -1. */
        private static int separator(String value, int from) {
            for (int i = from + 1; i <= from + 2 && i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '-' || c == '/') {
                    return i;
                }
            }
            return -1;
        }

        /** The number written by the ASCII digits {@code from..to}, or -1 when another character is there. */
        private static int digits(String value, int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                n = n * 10 + (c - '0');
            }
            return n;
        }

        /** An empty {@code geslacht} means unknown (ONBEKEND), as the export writes it: the round trip keeps it. */
        Gender gender() {
            if (text(GESLACHT) == null) {
                return Gender.valueOf(ExchangeColumns.genderFromFile(null));
            }
            return code(GESLACHT, Gender.class);
        }

        <E extends Enum<E>> E code(String column, Class<E> type) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (IllegalArgumentException e) {
                problem(column, msg("import.cell.code", value, java.util.Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", "))));
                return null;
            }
        }

        /** All columns empty → null (not registered); otherwise the options marked 1. */
        <E extends Enum<E>> Set<E> options(Map<E, String> columns, Class<E> type) {
            Set<E> chosen = EnumSet.noneOf(type);
            boolean any = false;
            for (Map.Entry<E, String> e : columns.entrySet()) {
                String value = text(e.getValue());
                if (value == null) {
                    continue;
                }
                any = true;
                switch (value) {
                    case "1", "1.0", "ja", "Ja", "JA" -> chosen.add(e.getKey());
                    case "0", "0.0", "nee", "Nee", "NEE" -> { }
                    default -> problem(e.getValue(), msg("import.cell.zeroOne", value));
                }
            }
            return any ? chosen : null;
        }

        java.math.BigDecimal decimal(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return new java.math.BigDecimal(value.replace(',', '.'));
            } catch (NumberFormatException e) {
                problem(column, msg("import.cell.number", value));
                return null;
            }
        }

        /** A 0/1 column: 1 is yes, 0 is no, empty unknown. */
        Boolean zeroOne(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "1", "1.0", "ja" -> {
                    return Boolean.TRUE;
                }
                case "0", "0.0", "nee" -> {
                    return Boolean.FALSE;
                }
                default -> {
                    problem(column, msg("import.cell.zeroOne", value));
                    return null;
                }
            }
        }

        /** A code column compared in upper case with {@code -} and space as {@code _}. */
        String code(String column, List<String> allowed) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            String code = value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            if (!allowed.contains(code)) {
                problem(column, msg("import.cell.code", value, String.join(", ", allowed)));
                return null;
            }
            return code;
        }

        List<String> capj() {
            List<String> codes = new ArrayList<>();
            for (String column : CAPJ) {
                String value = text(column);
                if (value == null) {
                    continue;
                }
                capjCode(value).ifPresentOrElse(codes::add,
                        () -> problem(column, msg("import.cell.capj", value)));
            }
            return codes;
        }

        String capjColumnOf(String code) {
            return CAPJ.stream().filter(c -> text(c) != null && capjCode(text(c)).map(code::equals).orElse(false))
                    .findFirst().orElse(CAPJ.get(0));
        }

        TrajectoryData data(Map<String, Long> practiceByName, String notFound, String pilotName) {
            Long practiceId = null;
            String practice = text(PRAKTIJK);
            if (practice != null) {
                practiceId = practiceByName.get(practice.toLowerCase(DUTCH));
                if (practiceId == null) {
                    problem(PRAKTIJK, msg(notFound, practice, pilotName));
                }
            }
            return new TrajectoryData(practiceId, null, number(GEBOORTEMAAND), number(GEBOORTEJAAR),
                    gender(), date(AANMELDDATUM), date(STARTDATUM), text(HULPVRAAG), capj(),
                    code(DIAGNOSE_VRAAG, DiagnosisQuestion.class), code(DIAGNOSE, Diagnosis.class),
                    text(DIAGNOSE_ANDERS), options(APPLICANTS, Applicant.class), text(AANMELDER_ANDERS_TEKST),
                    number(AANTAL_CONTACTEN), date(DATUM_LAATSTE_CONTACT), options(INTERVENTIONS, Intervention.class),
                    text(INTERVENTIE_ANDERS_TEKST), options(CONSULTATIONS, Consultation.class), date(EINDDATUM),
                    code(AFRONDING, Outcome.class), code(AFRONDING_ANDERS_REDEN, OtherReason.class),
                    text(AFRONDING_ANDERS_TEKST), code(MOMENT_VERWIJZING, ReferralMoment.class),
                    options(DESTINATIONS, Destination.class), text(KETENPARTNER));
        }
    }

    /** CAP-J cell → normalised code. Normalising runs a regular expression; a file repeats a few hundred codes. */
    private static final Map<String, java.util.Optional<String>> CAPJ_CELLS = new java.util.concurrent.ConcurrentHashMap<>();

    static java.util.Optional<String> capjCode(String cell) {
        java.util.Optional<String> code = CAPJ_CELLS.get(cell);
        if (code == null) {
            code = CapjCatalogue.normalise(cell);
            if (CAPJ_CELLS.size() < 5_000) {
                CAPJ_CELLS.put(cell, code);
            }
        }
        return code;
    }

    /** Option → column name of one multi-answer group, from {@link ExchangeColumns}. */
    private static <E extends Enum<E>> Map<E, String> group(String group, Class<E> type) {
        Map<E, String> map = new LinkedHashMap<>();
        for (ExchangeColumns.Column column : ExchangeColumns.group(group)) {
            map.put(Enum.valueOf(type, column.option()), column.name());
        }
        return map;
    }

    private static List<String> capjColumns() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= ExchangeColumns.CAPJ_COLUMNS; i++) {
            names.add(ExchangeColumns.capjColumn(i));
        }
        return List.copyOf(names);
    }

    /** Every trajecten column of the exchange format (the "anders, namelijk" texts included). */
    private static Set<String> columns() {
        Set<String> all = new HashSet<>();
        ExchangeColumns.TRAJECTEN.forEach(c -> all.add(c.name()));
        return Set.copyOf(all);
    }

    /** Every professionals column of the format, plus the "anders" text of bekostiging. */
    private static Set<String> professionalColumns() {
        Set<String> all = new HashSet<>();
        ExchangeColumns.PROFESSIONALS.forEach(c -> all.add(c.name()));
        all.add(BEKOSTIGING_ANDERS);
        return Set.copyOf(all);
    }
}
