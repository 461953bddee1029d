package nl.jeugdhulp.registratie.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.account.Role;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.audit.AuditOutcome;
import nl.jeugdhulp.registratie.exchange.ExchangeColumns.Column;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export of the registration exchange format (exchange-format.md): sheets professionals,
 * trajecten and codeboek, as XLSX or as a ZIP of CSV files with SPSS and R syntax.
 *
 * <p>Trajectories are streamed, no entities: for the ZIP a binary {@code COPY … TO STDOUT} formatted
 * into CSV here (see {@link #copyTrajectories}); for the workbook one JDBC query with a
 * fetch size inside the read-only transaction (PostgreSQL only uses a cursor then). Each row is
 * written as it is read.
 *
 * <p>Who sees what: a researcher (ONDERZOEKER) exports the pooled data of all pilots, anonymised,
 * so never free text; an administrator (BEHEERDER) exports all pilots too and, like a project leader
 * (PROJECTLEIDER, own pilots only), may tick "vrije tekst meenemen" to include {@code hulpvraag} and
 * {@code ketenpartner}; otherwise those columns stay empty (the columns are kept so every file has
 * the same layout). The supporter's private reference, user names and e-mail addresses are never
 * selected.
 *
 * <p>Audit before data: the trajectories are counted and the record (EXECUTE, EXCHANGE_EXPORTED:
 * format, row count, pilots, period, free-text choice, web or API) is committed before the first
 * byte is written. Count and rows are read in one REPEATABLE READ snapshot, so the count is the
 * number of rows in the file. A download that breaks off adds EXCHANGE_EXPORT_ABORTED (FAILURE)
 * with the number of rows written until then.
 */
@Service
public class ExportService {

    /** Rows per round trip of the streamed queries: few trips, a few MB in the driver at most. */
    static final int FETCH_SIZE = 2_000;
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JdbcClient streaming;
    private final JdbcTemplate connections;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate ownTransaction;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final Clock clock;

    /** Exports running at once ({@code app.export.concurrent}); see {@link #export}. */
    private final Semaphore gate;
    /** Runs when an export has to wait for its turn (ExportWebTest observes the wait through it). */
    volatile Runnable onWait = () -> { };

    ExportService(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, AuditLog auditLog,
                  MessageSource messages, Clock clock, @Value("${app.export.concurrent}") int concurrent) {
        this.jdbc = jdbc;
        this.gate = new Semaphore(concurrent, true);
        this.dataSource = dataSource;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
        this.connections = template;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        // The audit record must be committed while the read-only snapshot is still open.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.auditLog = auditLog;
        this.messages = messages;
        this.clock = clock;
    }

    /** Roles that export all pilots at once. */
    private static boolean allPilotsRole(CurrentUser user) {
        return user.is(Role.ONDERZOEKER) || user.is(Role.BEHEERDER);
    }

    /**
     * May this user include free text? A project leader (for their own pilots) and an administrator
     * (who moves whole installations: an import needs hulpvraag). Never the research export.
     */
    static boolean mayExportFreeText(CurrentUser user) {
        return user.is(Role.PROJECTLEIDER) || user.is(Role.BEHEERDER);
    }

    /** Checks what the user asked for against what they may see; throws {@link ExportRefusedException}. */
    ExportRequest check(CurrentUser user, ExportFormat format, Long pilot, LocalDate from, LocalDate to, boolean freeText) {
        if (!allPilotsRole(user) && !user.is(Role.PROJECTLEIDER)) {
            throw ExportRefusedException.role();
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ExportRefusedException.period();
        }
        if (freeText && !mayExportFreeText(user)) {
            throw ExportRefusedException.freeText();
        }
        List<Long> pilots;
        if (allPilotsRole(user)) {
            pilots = pilot == null ? null : List.of(existingPilot(pilot));
        } else {
            if (pilot != null && !user.pilotIds().contains(pilot)) {
                throw ExportRefusedException.pilot();
            }
            pilots = pilot != null ? List.of(pilot) : user.pilotIds().stream().sorted().toList();
        }
        return new ExportRequest(format == null ? ExportFormat.XLSX : format, pilots, from, to, freeText);
    }

    /** The pilots the user may choose from on the export page (id, name), by name. */
    List<PilotChoice> pilotChoices(CurrentUser user) {
        if (allPilotsRole(user)) {
            return jdbc.sql("SELECT id, name FROM pilot ORDER BY name").query(PilotChoice.class).list();
        }
        if (user.pilotIds().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, name FROM pilot WHERE id IN (:ids) ORDER BY name")
                .param("ids", user.pilotIds()).query(PilotChoice.class).list();
    }

    record PilotChoice(long id, String name) {
    }

    /** Where an export was asked for; goes into the audit record. */
    enum Channel { WEB, API }

    /**
     * Audits the export, then writes it to {@code out}; returns the number of trajectory rows. If
     * writing fails (the client went away), a second audit record says so and the error is rethrown.
     */
    int export(ExportRequest request, OutputStream out, Channel channel) throws IOException {
        // Each export holds up to three pool connections (its snapshot, the CAP-J pass, the audit record for a
        // moment): a bounded number at a time, waiting before taking any, so exports can neither take the whole
        // pool from the saves nor hold one connection while waiting for another against each other.
        if (!gate.tryAcquire()) {
            onWait.run();
            gate.acquireUninterruptibly();
        }
        try {
            return exportNow(request, out, channel);
        } finally {
            gate.release();
        }
    }

    private int exportNow(ExportRequest request, OutputStream out, Channel channel) throws IOException {
        LocalDate today = LocalDate.now(clock);
        Progress progress = new Progress();
        try {
            if (request.format() == ExportFormat.XLSX) {
                try (ExportWorkbook workbook = new ExportWorkbook()) {
                    writeSheets(request, today, workbook, channel, progress);
                    workbook.finish(out);
                }
            } else {
                // The fastest deflate level: CSV of codes and dates still shrinks about tenfold, and the
                // default level would cost more CPU than reading and formatting the rows together.
                BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
                ZipOutputStream zip = new ZipOutputStream(buffered);
                zip.setLevel(Deflater.BEST_SPEED);
                // Deflated and sent on a second thread while this one reads and formats the rows.
                ExportZipPipe pipe = new ExportZipPipe(zip, buffered);
                try {
                    ExportCsv csv = new ExportCsv(pipe);
                    ZipFiles files = writeSheets(request, today, csv, channel, progress).files();
                    csv.file("trajecten.sps", files.spss());
                    csv.file("trajecten.R", files.r());
                    pipe.finish();
                } finally {
                    pipe.abandon();
                }
            }
            out.flush();
        } catch (UncheckedIOException e) {
            // Rows are written from inside JDBC callbacks, which can only throw unchecked.
            if (progress.audited) {
                auditAborted(request, progress.written, e.getCause());
            }
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            if (progress.audited) {
                auditAborted(request, progress.written, e);
            }
            throw e;
        }
        return progress.rows;
    }

    /** How far an export got: audited yet, rows announced, rows written. */
    private static final class Progress {
        boolean audited;
        int rows;
        int written;
    }

    /**
     * An empty registratiebestand to fill in: the sheets professionals and trajecten with only their
     * header row, and the codebook, exactly as an export writes them.
     */
    void template(OutputStream out) throws IOException {
        try (ExportWorkbook workbook = new ExportWorkbook()) {
            workbook.startSheet(ExchangeColumns.PROFESSIONALS_SHEET, names(ExchangeColumns.PROFESSIONALS));
            workbook.endSheet();
            workbook.startSheet(ExchangeColumns.TRAJECTEN_SHEET, names(ExchangeColumns.TRAJECTEN));
            workbook.endSheet();
            writeCodebook(workbook, scripts());
            workbook.finish(out);
        }
        out.flush();
    }

    /**
     * Counts, audits (committed in its own transaction, so it stands whatever happens next), then
     * writes the sheets; returns what the ZIP still needs (the scripts) from the same snapshot. The audit
     * takes a second pool connection for a moment while the snapshot holds one. For the ZIP the CAP-J list is
     * read once, first, for both the CAP-J pass and the codebook and scripts ({@link #zipFiles}), and the
     * professionals are read on the CAP-J pass's connection while the audit record commits.
     */
    private Ending writeSheets(ExportRequest request, LocalDate today, ExportSink sink, Channel channel,
                               Progress progress) {
        boolean zip = sink instanceof ExportCsv;
        Ending ending = snapshot.execute(status -> {
            progress.rows = countTrajectories(request);
            // The CAP-J list once per ZIP: the CAP-J pass numbers the codes by it, the codebook and scripts label them.
            List<CapjCode> capjCodes = zip ? capjCodes() : null;
            // The ZIP's CAP-J codes (and the professionals) are read meanwhile on a second connection of the same snapshot.
            CapjLoader capj = zip && hasRows(request) && progress.rows <= ExportCapj.MAX_TRAJECTORIES
                    ? startCapj(request, progress.rows, capjCodes, today) : null;
            try {
                ownTransaction.executeWithoutResult(s -> audit(request, progress.rows, channel));
                progress.audited = true;
                writeProfessionals(sink, capj != null ? capj.professionals() : professionalRows(streaming, request, today));
                writeTrajectories(request, sink, progress, capj);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (capj != null) {
                    capj.stop();
                }
            }
            return zip ? new Ending(null, zipFiles(labelled(capjCodes))) : new Ending(scripts(), null);
        });
        try {
            if (ending.files() != null) {
                ((ExportCsv) sink).file(ExchangeColumns.CODEBOOK_SHEET + ".csv", ending.files().codebook());
            } else {
                writeCodebook(sink, ending.scripts());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ending;
    }

    /** What follows the snapshot: the codebook and scripts made for the ZIP, or the scripts for the workbook. */
    private record Ending(ExportScripts scripts, ZipFiles files) {
    }

    /**
     * The ZIP's codebook and scripts for one CAP-J list, as their bytes. Everything else in them is fixed while
     * the application runs (the columns, their codes and the Dutch messages), so they are made once per CAP-J
     * list and made again when an export reads another list: every export still reads the list in its own
     * snapshot.
     */
    private record ZipFiles(List<ExportScripts.ValueLabel> capj, byte[] codebook, byte[] spss, byte[] r) {
    }

    /** The ZIP files made last (exports at once may both make them; either result is the same). */
    private volatile ZipFiles lastZipFiles;

    private ZipFiles zipFiles(List<ExportScripts.ValueLabel> capj) {
        ZipFiles last = lastZipFiles;
        if (last != null && last.capj().equals(capj)) {
            return last;
        }
        ExportScripts scripts = new ExportScripts(this::message, capj);
        ExportCsv.InMemory codebook = new ExportCsv.InMemory();
        try {
            writeCodebook(codebook, scripts);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown in memory
        }
        ZipFiles made = new ZipFiles(List.copyOf(capj), codebook.bytes(),
                scripts.spss(ExchangeColumns.TRAJECTEN).getBytes(StandardCharsets.UTF_8),
                scripts.r(ExchangeColumns.TRAJECTEN).getBytes(StandardCharsets.UTF_8));
        lastZipFiles = made;
        return made;
    }

    private void audit(ExportRequest request, int rows, Channel channel) {
        String details = describe(request) + "; rijen=" + rows + "; kanaal=" + channel;
        AuditEntry entry = AuditEntry.of(AuditAction.EXECUTE, "EXCHANGE_EXPORTED", "EXPORT", null).withDetails(details);
        auditLog.record(withPilot(entry, request));
    }

    private void auditAborted(ExportRequest request, int written, Exception cause) {
        String details = describe(request) + "; afgebroken na " + written + " rijen; oorzaak="
                + cause.getClass().getSimpleName();
        AuditEntry entry = AuditEntry.of(AuditAction.EXECUTE, "EXCHANGE_EXPORT_ABORTED", "EXPORT", null)
                .withOutcome(AuditOutcome.FAILURE).withDetails(details);
        try {
            ownTransaction.executeWithoutResult(s -> auditLog.record(withPilot(entry, request)));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static String describe(ExportRequest request) {
        String pilots = request.allPilots() ? "alle"
                : request.pilotIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        return "formaat=" + request.format() + "; pilots=" + pilots
                + "; vrije tekst=" + (request.freeText() ? "ja" : "nee")
                + (request.from() == null ? "" : "; start vanaf=" + request.from())
                + (request.to() == null ? "" : "; start tot en met=" + request.to());
    }

    private static AuditEntry withPilot(AuditEntry entry, ExportRequest request) {
        return !request.allPilots() && request.pilotIds().size() == 1 ? entry.withPilot(request.pilotIds().get(0)) : entry;
    }

    // --- professionals ---

    private void writeProfessionals(ExportSink sink, List<List<Object>> rows) throws IOException {
        sink.startSheet(ExchangeColumns.PROFESSIONALS_SHEET, names(ExchangeColumns.PROFESSIONALS));
        for (List<Object> row : rows) {
            sink.row(row);
        }
        sink.endSheet();
    }

    /**
     * The professionals' rows through {@code client} (the snapshot's, or the CAP-J pass's connection in the same
     * snapshot): a few thousand at most, whatever the number of trajectories.
     */
    private static List<List<Object>> professionalRows(JdbcClient client, ExportRequest request, LocalDate today) {
        List<List<Object>> rows = new ArrayList<>();
        if (request.allPilots() || !request.pilotIds().isEmpty()) {
            String sql = """
                    SELECT s.code, pi.name AS pilot, p.function_type,
                           p.age + greatest(0, date_part('year', age(:today, p.valid_from)))::int AS age,
                           p.gender, p.education, p.education_other,
                           p.experience_years + greatest(0, date_part('year', age(:today, p.valid_from)))::int AS experience,
                           p.salaried_by_gp, p.funding, p.hours_gp_practice, p.hours_institution, p.hours_base_team,
                           p.housed_in_practice, p.pays_rent, p.uses_his, p.uses_zorgmail,
                           (SELECT sum(pr.number_of_gps) FROM supporter_practice sp JOIN practice pr ON pr.id = sp.practice_id
                             WHERE sp.supporter_id = s.id) AS gps,
                           (SELECT round(sum(pr.registered_patients) / 2350.0, 2) FROM supporter_practice sp
                              JOIN practice pr ON pr.id = sp.practice_id WHERE sp.supporter_id = s.id) AS norm_practices,
                           p.registration_start, p.registration_end
                      FROM supporter s
                      JOIN pilot pi ON pi.id = s.pilot_id
                      LEFT JOIN supporter_profile p ON p.id = supporter_profile_at(s.id, :today)
                    """ + (request.allPilots() ? "" : " WHERE s.pilot_id IN (:pilots)") + " ORDER BY s.code";
            JdbcClient.StatementSpec statement = client.sql(sql).param("today", today);
            if (!request.allPilots()) {
                statement = statement.param("pilots", request.pilotIds());
            }
            statement.query((ResultSet rs) -> {
                rows.add(Arrays.asList(rs.getString("code"), rs.getString("function_type"), rs.getString("pilot"),
                        integer(rs, "age"), rs.getString("gender"), rs.getString("education"),
                        rs.getString("education_other"), integer(rs, "experience"), zeroOne(rs, "salaried_by_gp"),
                        rs.getString("funding"), rs.getBigDecimal("hours_gp_practice"),
                        rs.getBigDecimal("hours_institution"), rs.getBigDecimal("hours_base_team"),
                        zeroOne(rs, "housed_in_practice"), zeroOne(rs, "pays_rent"), zeroOne(rs, "uses_his"),
                        zeroOne(rs, "uses_zorgmail"), rs.getBigDecimal("gps"), rs.getBigDecimal("norm_practices"),
                        date(rs, "registration_start"), date(rs, "registration_end")));
            });
        }
        return rows;
    }

    // --- trajecten ---

    /** The trajectories in scope and period: the FROM and WHERE both queries share. */
    private record Selection(String where, Map<String, Object> params) {

        String fromWhere() {
            return fromWhere("");
        }

        /** The FROM with {@code joins} added after the practice (they may use t, s and pr), then the WHERE. */
        String fromWhere(String joins) {
            return """
                      FROM trajectory t
                      JOIN supporter s ON s.id = t.supporter_id
                      JOIN practice pr ON pr.id = t.practice_id
                    """ + joins + where;
        }

        /** Without the practice, for COPY (the practice's name comes from a map; the WHERE only uses t and s). */
        String fromSupporterWhere() {
            return " FROM trajectory t JOIN supporter s ON s.id = t.supporter_id" + where;
        }

        boolean restricted() {
            return !where.isEmpty();
        }
    }

    private static Selection selection(ExportRequest request) {
        return selection(request, false);
    }

    /** The selection with its values written into the SQL, for COPY (which takes no parameters). */
    private static Selection literalSelection(ExportRequest request) {
        return selection(request, true);
    }

    private static Selection selection(ExportRequest request, boolean literals) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!request.allPilots()) {
            // Long ids and ISO dates: nothing in them can end a literal.
            where.add("s.pilot_id IN (" + (literals ? request.pilotIds().stream().map(id -> Long.toString(id))
                    .collect(Collectors.joining(", ")) : ":pilots") + ")");
            params.put("pilots", request.pilotIds());
        }
        if (request.from() != null) {
            where.add("t.start_date >= " + (literals ? dateLiteral(request.from()) : ":from"));
            params.put("from", request.from());
        }
        if (request.to() != null) {
            where.add("t.start_date <= " + (literals ? dateLiteral(request.to()) : ":to"));
            params.put("to", request.to());
        }
        return new Selection(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where), params);
    }

    private static String dateLiteral(LocalDate date) {
        return "DATE " + sqlString(date.toString());
    }

    /** A SQL string literal (quotes doubled; standard_conforming_strings is on, so a backslash is plain). */
    private static String sqlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private int countTrajectories(ExportRequest request) {
        if (!request.allPilots() && request.pilotIds().isEmpty()) {
            return 0;
        }
        Selection selection = selection(request);
        // No join with practice (and with supporter only for a pilot): both are NOT NULL foreign keys, so
        // the count is the same, and the joins cost more than the count itself (hash joins, parallel workers).
        return jdbc.sql("SELECT count(*)" + (selection.restricted() ? selection.fromSupporterWhere() : " FROM trajectory t"))
                .params(selection.params()).query(Integer.class).single();
    }

    private static boolean hasRows(ExportRequest request) {
        return request.allPilots() || !request.pilotIds().isEmpty();
    }

    private void writeTrajectories(ExportRequest request, ExportSink sink, Progress progress, CapjLoader capj)
            throws IOException {
        sink.startSheet(ExchangeColumns.TRAJECTEN_SHEET, names(ExchangeColumns.TRAJECTEN));
        if (hasRows(request)) {
            if (sink instanceof ExportCsv csv) {
                copyTrajectories(request, csv, progress, capj);
            } else {
                queryTrajectories(request, sink, progress);
            }
        }
        sink.endSheet();
    }

    /** The rows through JDBC, one value per column, for any sink (the workbook needs typed cells). */
    private void queryTrajectories(ExportRequest request, ExportSink sink, Progress progress) {
        Selection selection = selection(request);
        // Never select private_reference: what is not read cannot leak.
        // The CAP-J codes come from one aggregate over trajectory_capj joined in (not a sub-select per
        // row), limited to the selection when it has a WHERE; the multi-answer arrays come as plain
        // "A,B" text (their codes are fixed identifiers, see the CHECK constraints), which is far cheaper
        // to read than JDBC arrays. NULL stays NULL (not registered), an empty array becomes "".
        String sql = """
                SELECT t.id, t.source_id, s.code, pr.name AS practice, t.birth_year, t.birth_month, t.gender,
                       t.registration_date, t.start_date, t.last_contact_date, t.end_date,
                       """ + (request.freeText() ? "t.help_request, t.chain_partner, t.diagnosis_other, t.applicant_other, "
                            + "t.intervention_other, t.outcome_other_text,"
                        : "NULL AS help_request, NULL AS chain_partner, NULL AS diagnosis_other, NULL AS applicant_other, "
                            + "NULL AS intervention_other, NULL AS outcome_other_text,") + """
                       capj.codes[1] AS capj_1, capj.codes[2] AS capj_2, capj.codes[3] AS capj_3,
                       capj.codes[4] AS capj_4, capj.codes[5] AS capj_5,
                       t.diagnosis_question, t.diagnosis, array_to_string(t.applicants, ',') AS applicants, t.contacts,
                       array_to_string(t.interventions, ',') AS interventions,
                       array_to_string(t.consultations, ',') AS consultations,
                       t.outcome, t.outcome_other_reason, t.referral_moment,
                       array_to_string(t.referral_destinations, ',') AS referral_destinations
                """ + selection.fromWhere(capjJoin(selection)) + ORDER;
        streaming.sql(sql).params(selection.params()).query((ResultSet rs) -> {
            try {
                sink.row(trajectoryRow(rs));
                progress.written++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The workbook's order: by professional, then start date; the id settles ties (the ZIP's: see copyTrajectories). */
    private static final String ORDER = " ORDER BY s.code, t.start_date, t.id";

    /**
     * The CAP-J codes of each trajectory in their order as {@code codes}: one aggregate over
     * trajectory_capj joined in (not a sub-select per row), limited to the selection when it has a WHERE.
     */
    private static String capjJoin(Selection selection) {
        String scope = selection.restricted() ? " WHERE c.trajectory_id IN (SELECT t.id" + selection.fromWhere() + ")" : "";
        return "LEFT JOIN (SELECT c.trajectory_id, array_agg(c.capj_code ORDER BY c.position) AS codes"
                + " FROM trajectory_capj c" + scope + " GROUP BY c.trajectory_id) capj ON capj.trajectory_id = t.id\n";
    }

    /**
     * The CSV rows from PostgreSQL's {@code COPY (SELECT …) TO STDOUT (FORMAT binary)}, read row by row
     * through the driver's copy API on the snapshot's connection, formatted by {@link ExportCopyRows}
     * and written straight into the ZIP entry. Each line is the same byte for byte as
     * {@link #trajectoryRow} through {@link ExportCsv} would write it (dates in ISO, gender ONBEKEND
     * empty, the same quoting).
     *
     * <p>Why binary and so few fields: PostgreSQL's cost is per field it formats (dates, integers, CSV
     * quoting, {@code array_to_string}); in binary it only copies the stored values, and the free-text
     * columns are not selected at all when the export leaves them empty. The professional and the
     * practice go as ids (their code and name come from maps loaded once), the groups as their bit masks
     * (V19: generated columns, an integer each instead of an array).
     * The CAP-J codes come from one ordered pass read meanwhile on a second connection ({@link #startCapj});
     * above {@link ExportCapj#MAX_TRAJECTORIES} a sub-select per row sends them instead. The lines go into
     * the ZIP through {@link ExportZipPipe}, which deflates and sends them on another thread.
     *
     * <p>Row order: the table's own (a sequential scan, no sort). The exchange format does not fix an
     * order; reading the trajectories by professional and start date cost PostgreSQL a scan per
     * professional and a sort, and by id an index scan, together about as much as all the rest
     * (docs/performance.md, export, fourth round). Synchronised scans and parallel workers are off for the
     * transaction, so the same data gives the same file.
     *
     * <p>COPY takes no bind parameters, so the selection's values (pilot ids, dates) are written as
     * literals from their typed values. The rows stream: PostgreSQL sends each row as it is produced
     * and the driver hands over one row at a time.
     */
    private void copyTrajectories(ExportRequest request, ExportCsv csv, Progress progress, CapjLoader capjLoader) {
        Selection selection = literalSelection(request);
        boolean capjBeside = capjLoader != null;
        // Without a pilot or period the rows need no join: the professional's code comes from a map too.
        String sql = "COPY (SELECT " + String.join(", ", ExportCopyRows.columns(request.freeText(), capjBeside, true))
                + (selection.restricted() ? selection.fromSupporterWhere() : " FROM trajectory t")
                + ") TO STDOUT (FORMAT binary)";
        Map<Long, byte[]> professionals = csvFields("SELECT id, code AS name FROM supporter");
        Map<Long, byte[]> practices = csvFields("SELECT id, name FROM practice");
        connections.execute((ConnectionCallback<Void>) connection -> {
            ExportCapj capj = capjBeside ? capjLoader.capj : null;
            ExportCopyRows rows = new ExportCopyRows(professionals, practices, capj, request.freeText(), true, APPLICANT_OPTIONS,
                    INTERVENTION_OPTIONS, CONSULTATION_OPTIONS, DESTINATION_OPTIONS);
            try (Statement settings = connection.createStatement()) {
                // Rows in the table's order (see above); the same order for the same data: no scan that joins
                // another one midway through the table, no parallel workers.
                settings.execute("SET LOCAL synchronize_seqscans = off; SET LOCAL max_parallel_workers_per_gather = 0");
            }
            CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
            try {
                // Rows whose CAP-J codes are not read yet are kept back (bounded) while reading goes on.
                ExportPendingRows pending = new ExportPendingRows(capj, MAX_PENDING_BYTES, message -> {
                    int converted = rows.convert(message);
                    if (rows.length() > 0) {
                        csv.copiedLine(rows.line(), rows.length());
                    }
                    progress.written += converted;
                });
                for (byte[] message; (message = copy.readFromCopy()) != null; ) {
                    pending.add(message);
                }
                pending.finish();
                if (!rows.finished()) {
                    throw new IOException("The binary COPY ended without its end marker");
                }
            } catch (IOException | RuntimeException e) {
                // The client went away: read the COPY to its end (rows dropped), so the connection can roll
                // back and go back to the pool. Not cancelCopy(): its cancel request races with the end of
                // the COPY and may hit the ROLLBACK instead, which then fails and leaves the pooled
                // connection out of step (ExportLargeTest saw both).
                try {
                    while (copy.isActive() && copy.readFromCopy() != null) {
                        // drop
                    }
                } catch (SQLException drain) {
                    e.addSuppressed(drain);
                }
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            return null;
        });
    }

    /**
     * The most bytes of copied rows an export keeps while their CAP-J codes are still being read (the
     * messages plus {@link ExportPendingRows#OVERHEAD} each; see there); beyond it the rows wait for the pass.
     * About 100,000 rows; two exports at once keep at most twice that.
     */
    static final long MAX_PENDING_BYTES = 16L * 1024 * 1024;

    /**
     * Starts reading the CAP-J codes of the selected trajectories into an {@link ExportCapj}: one pass over
     * trajectory_capj in its primary key's order ({@code COPY … (FORMAT binary)}), on a second pool
     * connection that imports this transaction's snapshot ({@code pg_export_snapshot}), so it sees
     * exactly the same data. A row whose trajectory the pass has not reached yet is kept back
     * ({@link ExportPendingRows}) while the next rows are read; until 2026-11-23 the pass ran before the
     * rows, on the same connection. Before the pass the same connection reads the professionals' rows, while
     * the request thread commits the audit record (the two used to run one after the other); they are written
     * after the audit record, as before.
     */
    private CapjLoader startCapj(ExportRequest request, int trajectories, List<CapjCode> capjCodes, LocalDate today) {
        String snapshotId = jdbc.sql("SELECT pg_export_snapshot()").query(String.class).single();
        if (!snapshotId.matches("[0-9A-Fa-f-]+")) {
            throw new IllegalStateException("Unexpected snapshot id " + snapshotId);
        }
        ExportCapj capj = new ExportCapj(capjCodes.stream().map(CapjCode::code).toList(), trajectories);
        capj.startLoading();
        Selection selection = literalSelection(request);
        String scope = selection.restricted()
                ? " WHERE c.trajectory_id IN (SELECT t.id" + selection.fromSupporterWhere() + ")" : "";
        CapjLoader loader = new CapjLoader(capj, snapshotId, "COPY (SELECT c.trajectory_id, c.capj_code FROM trajectory_capj c"
                + scope + " ORDER BY c.trajectory_id, c.position) TO STDOUT (FORMAT binary)",
                client -> professionalRows(client, request, today));
        loader.thread.start();
        return loader;
    }

    /** The CAP-J pass on its own thread and connection; see {@link #startCapj}. */
    private final class CapjLoader {
        final ExportCapj capj;
        final Thread thread;
        /** The professionals' rows, read on this connection before the pass (while the audit record commits). */
        private final CompletableFuture<List<List<Object>>> professionals = new CompletableFuture<>();
        private final Function<JdbcClient, List<List<Object>>> professionalsQuery;
        private final String snapshotId;
        private final String sql;
        private volatile boolean stopped;

        CapjLoader(ExportCapj capj, String snapshotId, String sql, Function<JdbcClient, List<List<Object>>> professionalsQuery) {
            this.capj = capj;
            this.snapshotId = snapshotId;
            this.sql = sql;
            this.professionalsQuery = professionalsQuery;
            this.thread = new Thread(this::run, "export-capj");
            thread.setDaemon(true);
        }

        private void run() {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                        statement.execute("SET TRANSACTION SNAPSHOT '" + snapshotId + "'");
                    }
                    professionals.complete(professionalsQuery.apply(
                            JdbcClient.create(new SingleConnectionDataSource(connection, true))));
                    CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
                    boolean ended = false;
                    try {
                        for (byte[] message; (message = copy.readFromCopy()) != null; ) {
                            if (!stopped) {
                                ended = capj.addCopied(message);
                            }
                            // else: the export ended early; read on to the end so the connection can roll back
                        }
                    } catch (IOException | RuntimeException e) {
                        while (copy.isActive() && copy.readFromCopy() != null) {
                            // drop: the connection must leave the COPY before it goes back to the pool
                        }
                        throw e;
                    }
                    if (!ended && !stopped) {
                        throw new IOException("The binary COPY of the CAP-J codes ended without its end marker");
                    }
                    capj.finishLoading();
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } catch (Throwable e) {
                professionals.completeExceptionally(e); // no effect once they were read
                capj.failLoading(e);
            }
        }

        /** Waits for the professionals' rows; throws what reading them threw. */
        List<List<Object>> professionals() {
            try {
                return professionals.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("The professionals could not be read", cause);
            }
        }

        /** Tells the pass it is no longer needed (if it still runs) and waits for it to end. */
        void stop() {
            stopped = true;
            ExportZipPipe.joinUninterruptibly(thread);
        }
    }

    /**
     * Column {@code name} of {@code sql} as a CSV field by {@code id}: the practices' names, the professionals'
     * codes (a few thousand at most, whatever the number of rows).
     */
    private Map<Long, byte[]> csvFields(String sql) {
        Map<Long, byte[]> fields = new HashMap<>();
        jdbc.sql(sql).query((ResultSet rs) -> {
            StringBuilder field = new StringBuilder();
            ExportCsv.append(field, rs.getString("name"));
            fields.put(rs.getLong("id"), field.toString().getBytes(StandardCharsets.UTF_8));
        });
        return fields;
    }


    private static List<Object> trajectoryRow(ResultSet rs) throws SQLException {
        List<Object> row = new ArrayList<>(ExchangeColumns.TRAJECTEN.size());
        String sourceId = rs.getString("source_id");
        row.add(sourceId != null ? sourceId : String.valueOf(rs.getLong("id")));
        row.add(rs.getString("code"));
        row.add(rs.getString("practice"));
        row.add(integer(rs, "birth_year"));
        row.add(integer(rs, "birth_month"));
        row.add(ExchangeColumns.genderForFile(rs.getString("gender")));
        row.add(date(rs, "registration_date"));
        row.add(date(rs, "start_date"));
        row.add(date(rs, "last_contact_date"));
        row.add(date(rs, "end_date"));
        row.add(rs.getString("help_request"));
        for (int i = 1; i <= ExchangeColumns.CAPJ_COLUMNS; i++) {
            row.add(ExchangeColumns.capjForFile(rs.getString(ExchangeColumns.capjColumn(i))));
        }
        row.add(rs.getString("diagnosis_question"));
        row.add(rs.getString("diagnosis"));
        addGroup(row, APPLICANT_OPTIONS, rs.getString("applicants"));
        row.add(integer(rs, "contacts"));
        addGroup(row, INTERVENTION_OPTIONS, rs.getString("interventions"));
        addGroup(row, CONSULTATION_OPTIONS, rs.getString("consultations"));
        row.add(rs.getString("outcome"));
        row.add(rs.getString("outcome_other_reason"));
        row.add(rs.getString("referral_moment"));
        addGroup(row, DESTINATION_OPTIONS, rs.getString("referral_destinations"));
        row.add(rs.getString("chain_partner"));
        row.add(rs.getString("diagnosis_other"));
        row.add(rs.getString("applicant_other"));
        row.add(rs.getString("intervention_other"));
        row.add(rs.getString("outcome_other_text"));
        return row;
    }

    private static final String[] APPLICANT_OPTIONS = options(ExchangeColumns.AANMELDER);
    private static final String[] INTERVENTION_OPTIONS = options(ExchangeColumns.INTERVENTIE);
    private static final String[] CONSULTATION_OPTIONS = options(ExchangeColumns.OVERLEG);
    private static final String[] DESTINATION_OPTIONS = options(ExchangeColumns.VERWIJZING);
    private static final Integer ZERO = 0;
    private static final Integer ONE = 1;

    private static String[] options(String group) {
        return ExchangeColumns.group(group).stream().map(Column::option).toArray(String[]::new);
    }

    /**
     * One 0/1 per option from the chosen codes as {@code "A,B"}; all empty when {@code null} (not
     * registered), all 0 when empty (registered as none).
     */
    private static void addGroup(List<Object> row, String[] options, String chosen) {
        for (String option : options) {
            row.add(chosen == null ? null : contains(chosen, option) ? ONE : ZERO);
        }
    }

    /** Is {@code code} one of the comma-separated codes in {@code list}? */
    static boolean contains(String list, String code) {
        int length = code.length();
        for (int from = 0; from <= list.length() - length; ) {
            int end = list.indexOf(',', from);
            if (end < 0) {
                end = list.length();
            }
            if (end - from == length && list.startsWith(code, from)) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    // --- codeboek ---

    /** Every column of both sheets: Dutch label, type, and each allowed value with its meaning. */
    private void writeCodebook(ExportSink sink, ExportScripts scripts) throws IOException {
        sink.startSheet(ExchangeColumns.CODEBOOK_SHEET, List.of("blad", "kolom", "omschrijving", "type", "code", "betekenis"));
        for (String sheet : List.of(ExchangeColumns.PROFESSIONALS_SHEET, ExchangeColumns.TRAJECTEN_SHEET)) {
            List<Column> columns = sheet.equals(ExchangeColumns.TRAJECTEN_SHEET) ? ExchangeColumns.TRAJECTEN
                    : ExchangeColumns.PROFESSIONALS;
            for (Column column : columns) {
                String label = scripts.label(column);
                List<ExportScripts.ValueLabel> values = scripts.values(column);
                if (values.isEmpty()) {
                    sink.row(Arrays.asList(sheet, column.name(), label, column.type().name(), null, null));
                }
                for (ExportScripts.ValueLabel value : values) {
                    sink.row(Arrays.asList(sheet, column.name(), label, column.type().name(),
                            value.value().isEmpty() ? null : value.value(), value.label()));
                }
            }
        }
        sink.endSheet();
    }

    /** The scripts and labels, with the whole CAP-J list (retired codes too: old trajectories keep them). */
    ExportScripts scripts() {
        return new ExportScripts(this::message, labelled(capjCodes()));
    }

    /** A stored CAP-J code and its label. */
    private record CapjCode(String code, String label) {
    }

    /** The whole CAP-J list (retired codes too: old trajectories keep them), by code. */
    private List<CapjCode> capjCodes() {
        return jdbc.sql("SELECT code, label FROM capj_code ORDER BY code")
                .query((rs, n) -> new CapjCode(rs.getString("code"), rs.getString("label"))).list();
    }

    /** The list as the file writes the codes, with their labels. */
    private static List<ExportScripts.ValueLabel> labelled(List<CapjCode> codes) {
        return codes.stream().map(c -> new ExportScripts.ValueLabel(ExchangeColumns.capjForFile(c.code()), c.label())).toList();
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, DUTCH);
    }

    // --- helpers ---

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer zeroOne(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value ? 1 : 0;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private Long existingPilot(long pilot) {
        boolean exists = jdbc.sql("SELECT count(*) FROM pilot WHERE id = :id").param("id", pilot)
                .query(Long.class).single() > 0;
        if (!exists) {
            throw ExportRefusedException.pilot();
        }
        return pilot;
    }

}
