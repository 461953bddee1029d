package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.account.Role;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The exchange export through HTTP with the real security configuration and PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExportWebTest {

    private static final String PRIVATE_REFERENCE = "GEHEIM-REF-42";
    private static final String HELP_REQUEST = "Angstig, \"piekert\" veel";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ExportService exports;
    @Autowired
    javax.sql.DataSource dataSource;

    long pilot;
    String pilotName;
    String practiceName;
    Supporter supporter;
    String code;
    long leader;
    long t2;

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        pilotName = jdbc.sql("SELECT name FROM pilot WHERE id = :id").param("id", pilot).query(String.class).single();
        long practice = data.practice(pilot, data.municipality());
        practiceName = jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", practice).query(String.class).single();
        supporter = data.supporter(pilot, "POH_JEUGD", practice);
        code = jdbc.sql("SELECT code FROM supporter WHERE id = :id").param("id", supporter.id()).query(String.class).single();
        leader = data.projectLeader(pilot);

        long t1 = insert("""
                INSERT INTO trajectory (supporter_id, practice_id, source_id, private_reference, birth_month, birth_year, gender,
                                        registration_date, start_date, help_request, applicants, contacts, interventions,
                                        consultations)
                VALUES (:s, :p, 'SRC-1', :ref, 3, 2012, 'V', DATE '2026-01-05', DATE '2026-01-10', :help,
                        '{OUDERS,SCHOOL}', 3, NULL, '{}') RETURNING id""", supporter.id(), practice);
        capj(t1, 1, "A102");
        capj(t1, 2, "E103");
        t2 = insert("""
                INSERT INTO trajectory (supporter_id, practice_id, birth_month, birth_year, gender, start_date,
                                        last_contact_date, end_date, help_request, diagnosis_question, applicants, contacts,
                                        interventions, consultations, outcome, referral_moment, referral_destinations,
                                        chain_partner, private_reference)
                VALUES (:s, :p, 6, 2015, 'M', DATE '2026-02-01', DATE '2026-02-25', DATE '2026-03-01', 'Druk gedrag', 'GEEN',
                        '{JEUGDIGE}', 5, '{TRIAGE_SCREENING,PSYCHO_EDUCATIE}', '{HUISARTS}', 'VERWEZEN', 'NA_BEHANDELING',
                        '{SGGZ,CJG_WIJKTEAM}', 'GGZ Oost', NULL) RETURNING id""", supporter.id(), practice);
        capj(t2, 1, "A201");
        insert("""
                INSERT INTO trajectory (supporter_id, practice_id, source_id, birth_month, birth_year, gender, start_date,
                                        end_date, help_request, applicants, contacts, interventions, outcome,
                                        outcome_other_reason)
                VALUES (:s, :p, 'SRC-3', 1, 2010, 'ONBEKEND', DATE '2026-03-15', DATE '2026-04-01', 'Slaapproblemen',
                        '{PROFESSIONAL}', 2, '{}', 'ANDERS', 'PARALLEL') RETURNING id""", supporter.id(), practice);
    }

    private long insert(String sql, long supporterId, long practice) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("s", supporterId).param("p", practice);
        if (sql.contains(":ref")) {
            statement = statement.param("ref", PRIVATE_REFERENCE).param("help", HELP_REQUEST);
        }
        return statement.query(Long.class).single();
    }

    private void capj(long trajectory, int position, String capjCode) {
        jdbc.sql("INSERT INTO trajectory_capj (trajectory_id, position, capj_code) VALUES (:t, :p, :c)")
                .param("t", trajectory).param("p", position).param("c", capjCode).update();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    String leaderName() {
        return data.username(leader);
    }

    byte[] download(String username, String... params) throws Exception {
        var request = get("/export/download").with(as(username));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static String cells(Object... values) {
        return String.join(",", Arrays.stream(values).map(v -> v == null ? "" : v.toString()).toList());
    }

    static String empty(int n) {
        return String.join(",", java.util.Collections.nCopies(n, ""));
    }

    String auditDetails(long userId) {
        return jdbc.sql("""
                        SELECT details FROM audit_event WHERE user_id = :u AND event_type = 'EXCHANGE_EXPORTED'
                           AND action = 'E' AND object_type = 'EXPORT' ORDER BY id DESC LIMIT 1""")
                .param("u", userId).query(String.class).single();
    }

    @Test
    void zipTrajectenCsvIsExactlyTheKnownRowsWithoutFreeText() throws Exception {
        Map<String, String> files = unzip(download(leaderName(), "formaat", "ZIP", "pilot", String.valueOf(pilot)));

        assertThat(files.keySet()).containsExactly("professionals.csv", "trajecten.csv", "codeboek.csv",
                "trajecten.sps", "trajecten.R");
        String header = String.join(",", ExchangeColumns.TRAJECTEN.stream().map(ExchangeColumns.Column::name).toList());
        String row1 = cells("SRC-1", code, practiceName, 2012, 3, "V", "2026-01-05", "2026-01-10", "", null, null,
                "A-102", "E-103", null, null, null, null, null,
                "0,1,1,0,0", 3, empty(10), "0,0,0,0", null, null, null, empty(8), null, null, null, null, null);
        String row2 = cells(t2, code, practiceName, 2015, 6, "M", null, "2026-02-01", "2026-02-25", "2026-03-01", null,
                "A-201", null, null, null, null, "GEEN", null,
                "1,0,0,0,0", 5, "1,1,0,0,0,0,0,0,0,0", "1,0,0,0", "VERWEZEN", null, "NA_BEHANDELING",
                "1,0,1,0,0,0,0,0", null, null, null, null, null);
        String row3 = cells("SRC-3", code, practiceName, 2010, 1, null, null, "2026-03-15", null, "2026-04-01", null,
                null, null, null, null, null, null, null,
                "0,0,0,1,0", 2, "0,0,0,0,0,0,0,0,0,0", empty(4), "ANDERS", "PARALLEL", null, empty(8), null, null, null, null, null);
        // The header first, then exactly these three lines, each ended by CRLF, in the table's stored order
        // (docs/exchange.md): where PostgreSQL placed each row depends on the free space other tests left.
        String csv = files.get("trajecten.csv");
        assertThat(csv).startsWith(header + "\r\n").endsWith("\r\n");
        assertThat(csv.substring(header.length() + 2).split("\r\n", -1))
                .containsExactlyInAnyOrder(row1, row2, row3, "");

        int experience = 8 + Period.between(LocalDate.of(2015, 1, 1), LocalDate.now(ZoneId.of("Europe/Amsterdam"))).getYears();
        assertThat(files.get("professionals.csv")).isEqualTo(
                String.join(",", ExchangeColumns.PROFESSIONALS.stream().map(ExchangeColumns.Column::name).toList()) + "\r\n"
                        + cells(code, "POH_JEUGD", pilotName, null, null, "WO", null, experience, null, null, null, null,
                        null, null, null, null, null, 3, 3, null, null) + "\r\n");
        assertThat(files.get("codeboek.csv")).contains("trajecten,afronding,Wijze van afronding,CODE,VERWEZEN,Verwezen\r\n");

        files.forEach((name, text) -> assertThat(text).as(name).doesNotContain(PRIVATE_REFERENCE)
                .doesNotContain(supporter.username()).doesNotContain(leaderName()));
        assertThat(auditDetails(leader)).contains("formaat=ZIP", "rijen=3", "pilots=" + pilot, "vrije tekst=nee");
    }

    @Test
    void projectLeaderGetsFreeTextOnlyWhenTicked() throws Exception {
        String csv = unzip(download(leaderName(), "formaat", "ZIP", "vrijeTekst", "true")).get("trajecten.csv");

        assertThat(csv).contains("SRC-1," + code + "," + practiceName + ",2012,3,V,2026-01-05,2026-01-10,,,"
                + "\"Angstig, \"\"piekert\"\" veel\",A-102");
        assertThat(csv).contains("Druk gedrag").contains(",GGZ Oost,,,,\r\n").doesNotContain(PRIVATE_REFERENCE);
        assertThat(auditDetails(leader)).contains("rijen=3", "vrije tekst=ja");
    }

    @Test
    void textWithCommasQuotesLineBreaksOrNothingInItIsWrittenAsTheFormatSays() throws Exception {
        // PostgreSQL writes these rows (COPY): its quoting must be the file's, and an empty string an empty cell.
        jdbc.sql("UPDATE practice SET name = :n WHERE id = (SELECT practice_id FROM trajectory WHERE id = :t)")
                .param("n", "Praktijk \"De Linde\", Oost").param("t", t2).update();
        jdbc.sql("UPDATE trajectory SET source_id = '', chain_partner = '', help_request = :h WHERE id = :t")
                .param("h", "Regel 1,\r\n\"Regel\" 2\nRegel 3").param("t", t2).update();

        String csv = unzip(download(leaderName(), "formaat", "ZIP", "vrijeTekst", "true")).get("trajecten.csv");

        String row2 = cells("", code, "\"Praktijk \"\"De Linde\"\", Oost\"", 2015, 6, "M", null, "2026-02-01", "2026-02-25",
                "2026-03-01", "\"Regel 1,\r\n\"\"Regel\"\" 2\nRegel 3\"", "A-201", null, null, null, null, "GEEN", null,
                "1,0,0,0,0", 5, "1,1,0,0,0,0,0,0,0,0", "1,0,0,0", "VERWEZEN", null, "NA_BEHANDELING",
                "1,0,1,0,0,0,0,0", null, null, null, null, null);
        // A whole line (CRLF before and after); the file's row order is not specified (exchange-format.md).
        assertThat(csv).contains("\r\n" + row2 + "\r\n");
    }

    @Test
    void researcherGetsPooledDataWithoutFreeText() throws Exception {
        long researcher = data.user(Role.ONDERZOEKER);
        String name = data.username(researcher);
        String csv = unzip(download(name, "formaat", "ZIP")).get("trajecten.csv");

        List<String> mine = new ArrayList<>(csv.lines().filter(l -> l.contains("," + code + ",")).toList());
        assertThat(mine).hasSize(3);
        assertThat(csv).doesNotContain(HELP_REQUEST).doesNotContain("Angstig").doesNotContain("GGZ Oost")
                .doesNotContain(PRIVATE_REFERENCE);
        assertThat(auditDetails(researcher)).contains("pilots=alle", "vrije tekst=nee");

        mvc.perform(get("/export/download").with(as(name)).param("formaat", "ZIP").param("vrijeTekst", "true"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("U mag geen vrije tekst exporteren.")));
        mvc.perform(get("/export").with(as(name)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("geanonimiseerd")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"vrijeTekst\""))));
    }

    @Test
    void workbookHasTheThreeSheetsWithHeadersAndCodebook() throws Exception {
        byte[] xlsx = download(leaderName(), "formaat", "XLSX", "pilot", String.valueOf(pilot));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("professionals", "trajecten", "codeboek");
            DataFormatter formatter = new DataFormatter();
            Sheet trajecten = workbook.getSheet("trajecten");
            List<String> header = new ArrayList<>();
            trajecten.getRow(0).forEach(cell -> header.add(formatter.formatCellValue(cell)));
            assertThat(header).isEqualTo(ExchangeColumns.TRAJECTEN.stream().map(ExchangeColumns.Column::name).toList());
            assertThat(trajecten.getLastRowNum()).isEqualTo(3);
            assertThat(formatter.formatCellValue(trajecten.getRow(1).getCell(7))).isEqualTo("2026-01-10");
            assertThat(formatter.formatCellValue(trajecten.getRow(1).getCell(11))).isEqualTo("A-102");

            List<String> codebook = new ArrayList<>();
            for (Row row : workbook.getSheet("codeboek")) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
                codebook.add(String.join("|", cells));
            }
            assertThat(codebook).contains(
                    "trajecten|afronding|Wijze van afronding|CODE|ZELF_AFGEROND|Zelf afgerond (geen verwijzing)",
                    "trajecten|afronding|Wijze van afronding|CODE|VERWEZEN|Verwezen",
                    "trajecten|interventie_triage|Interventie: Triage of screening|BOOLEAN01|1|Ja");
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    row.forEach(cell -> assertThat(formatter.formatCellValue(cell)).doesNotContain(PRIVATE_REFERENCE));
                }
            }
        }
        assertThat(auditDetails(leader)).contains("formaat=XLSX", "rijen=3");
    }

    @Test
    void spssAndRScriptsDescribeTheColumns() throws Exception {
        Map<String, String> files = unzip(download(leaderName(), "formaat", "ZIP", "pilot", String.valueOf(pilot)));
        String sps = files.get("trajecten.sps");
        assertThat(sps).contains("GET DATA\n  /TYPE=TXT\n  /FILE='trajecten.csv'", "/FIRSTCASE=2",
                "    startdatum SDATE10\n", "    afronding A13\n", "    interventie_triage F1.0\n",
                "VARIABLE LABELS\n  bron_id 'Eigen id van de bron'",
                "  /afronding\n    'ZELF_AFGEROND' 'Zelf afgerond (geen verwijzing)'\n    'VERWEZEN' 'Verwezen'\n",
                "  /interventie_triage\n    0 'Nee'\n    1 'Ja'\n");
        assertThat(sps.lines().filter(l -> l.startsWith("    ") && l.matches("    [a-z_0-9]+ [A-Z]+[0-9.]+")).count())
                .isEqualTo(ExchangeColumns.TRAJECTEN.size());
        String r = files.get("trajecten.R");
        assertThat(r).contains("read.csv(\"trajecten.csv\"", "startdatum = \"Date\"", "aantal_contacten = \"integer\"",
                "trajecten$afronding <- factor(trajecten$afronding,\n  levels = c(\"ZELF_AFGEROND\", \"VERWEZEN\", \"ANDERS\"),\n"
                        + "  labels = c(\"Zelf afgerond (geen verwijzing)\", \"Verwezen\", \"Anders (een ander beslist over verwijzing)\"))",
                "attr(trajecten$interventie_triage, \"labels\") <- c(\"Nee\" = 0, \"Ja\" = 1)",
                "attr(trajecten$afronding, \"label\") <- \"Wijze van afronding\"");
    }

    @Test
    void municipalUserIsForbiddenAndForeignPilotIsRefused() throws Exception {
        String municipal = data.username(data.user(Role.GEMEENTE));
        mvc.perform(get("/export").with(as(municipal))).andExpect(status().isForbidden());
        mvc.perform(get("/export/download").with(as(municipal))).andExpect(status().isForbidden());

        long foreign = data.pilot();
        mvc.perform(get("/export/download").with(as(leaderName())).param("pilot", String.valueOf(foreign)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("U heeft geen toegang tot deze pilot.")));
        mvc.perform(get("/export").with(as(leaderName())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"vrijeTekst\"")))
                .andExpect(content().string(containsString(pilotName)));
    }

    // --- audit before streaming ---

    List<String> exportAudit(long userId) {
        return jdbc.sql("""
                        SELECT event_type || '|' || outcome || '|' || details FROM audit_event
                         WHERE user_id = :u AND object_type = 'EXPORT' ORDER BY id""")
                .param("u", userId).query(String.class).list();
    }

    /** The export records as another connection sees them: only what is committed. */
    List<String> committedExportAudit(long userId) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement("""
                     SELECT event_type || '|' || outcome || '|' || details FROM audit_event
                      WHERE user_id = ? AND object_type = 'EXPORT' ORDER BY id""")) {
            statement.setLong(1, userId);
            List<String> rows = new ArrayList<>();
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aThirdExportWaitsForOneOfTheTwoRunningOnesBeforeItTakesAConnection() throws Exception {
        AccountPrincipal principal = (AccountPrincipal) users.loadUserByUsername(leaderName());
        ExportRequest request = exports.check(principal.user(), ExportFormat.ZIP, pilot, null, null, false);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            HeldClient first = new HeldClient();
            HeldClient second = new HeldClient();
            HeldClient third = new HeldClient();
            var firstRows = threads.submit(() -> exportAs(principal, request, first));
            var secondRows = threads.submit(() -> exportAs(principal, request, second));
            assertThat(first.writing.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(second.writing.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
            exports.onWait = waiting::countDown;
            var thirdRows = threads.submit(() -> exportAs(principal, request, third));
            // app.export.concurrent = 2: the third waits at the gate, before its snapshot takes a connection,
            // and stays there while both others hold their turn.
            assertThat(waiting.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("the third waits its turn").isTrue();
            assertThat(third.writing.getCount()).isEqualTo(1);

            first.go.countDown();
            int rows = firstRows.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(third.writing.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("its turn came").isTrue();
            second.go.countDown();
            third.go.countDown();
            assertThat(secondRows.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(rows);
            assertThat(thirdRows.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(rows);
            assertThat(rows).isEqualTo(3); // the pilot's trajectories of setUp
        } finally {
            exports.onWait = () -> { };
            threads.shutdownNow();
        }
    }

    /** A client that holds the download at its first write until {@code go}. */
    private static final class HeldClient extends java.io.OutputStream {
        final java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            writing.countDown();
            try {
                if (!go.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new java.io.IOException("held too long");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException(e);
            }
        }
    }

    private int exportAs(AccountPrincipal principal, ExportRequest request, HeldClient client) throws java.io.IOException {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        principal, null, principal.getAuthorities()));
        try {
            return exports.export(request, client, ExportService.Channel.WEB);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theAuditRecordIsCommittedBeforeTheFirstByteAndABrokenDownloadAddsAnAbortRecord() throws Exception {
        AccountPrincipal principal = (AccountPrincipal) users.loadUserByUsername(leaderName());
        List<List<String>> seenAtFirstByte = new ArrayList<>();
        // A client that goes away: the first write fails, after looking what the audit log already holds.
        BrokenDownload.exportZip(exports, principal, pilot,
                BrokenDownload.client(0, () -> seenAtFirstByte.add(committedExportAudit(leader))));

        String started = "EXCHANGE_EXPORTED|SUCCESS|formaat=ZIP; pilots=" + pilot + "; vrije tekst=nee; rijen=3; kanaal=WEB";
        assertThat(seenAtFirstByte).containsExactly(List.of(started));
        assertThat(exportAudit(leader)).containsExactly(started,
                "EXCHANGE_EXPORT_ABORTED|FAILURE|formaat=ZIP; pilots=" + pilot
                        + "; vrije tekst=nee; afgebroken na 0 rijen; oorzaak=IOException");
    }

    @Test
    void aRefusedExportWritesNoExportRecord() throws Exception {
        mvc.perform(get("/export/download").with(as(leaderName())).param("van", "2026-05-01").param("tot", "2026-04-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("De startdatum vanaf ligt na de startdatum tot en met.")));
        assertThat(exportAudit(leader)).isEmpty();
    }

    @Test
    void aPeriodExportCountsOnlyTrajectoriesStartedInIt() throws Exception {
        String csv = unzip(download(leaderName(), "formaat", "ZIP", "van", "2026-02-01", "tot", "2026-02-28"))
                .get("trajecten.csv");
        assertThat(csv.lines().count()).isEqualTo(2);
        assertThat(csv).contains("\r\n" + t2 + "," + code + ",");
        assertThat(exportAudit(leader)).containsExactly("EXCHANGE_EXPORTED|SUCCESS|formaat=ZIP; pilots=" + pilot + "; vrije tekst=nee; start vanaf=2026-02-01; start tot en met=2026-02-28; rijen=1; kanaal=WEB");
    }

    // --- administrator ---

    @Test
    void administratorExportsAllPilotsAndMayTickFreeText() throws Exception {
        long admin = data.user(Role.BEHEERDER);
        String name = data.username(admin);
        long otherPilot = data.pilot();
        long otherPractice = data.practice(otherPilot, data.municipality());
        Supporter other = data.supporter(otherPilot, "OJG", otherPractice);
        data.trajectory(other, otherPractice, LocalDate.of(2026, 1, 20));

        String csv = unzip(download(name, "formaat", "ZIP", "vrijeTekst", "true")).get("trajecten.csv");
        assertThat(csv.lines().filter(l -> l.contains("," + code + ",")).count()).isEqualTo(3);
        String otherCode = jdbc.sql("SELECT code FROM supporter WHERE id = :id").param("id", other.id())
                .query(String.class).single();
        assertThat(csv.lines().filter(l -> l.contains("," + otherCode + ",")).toList()).singleElement()
                .asString().contains(",Somberheid en piekeren,");
        assertThat(csv).contains("\"Angstig, \"\"piekert\"\" veel\"", ",GGZ Oost,,,,\r\n").doesNotContain(PRIVATE_REFERENCE)
                .doesNotContain("AB-1");
        assertThat(auditDetails(admin)).contains("pilots=alle", "vrije tekst=ja", "kanaal=WEB");

        mvc.perform(get("/export").with(as(name)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"vrijeTekst\"")))
                .andExpect(content().string(containsString("Als beheerder exporteert u de gegevens van alle pilots")))
                .andExpect(content().string(containsString("href=\"/export\"")))
                .andExpect(content().string(containsString(pilotName)));
        mvc.perform(get("/export/download").with(as(name)).param("pilot", "987654321"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("U heeft geen toegang tot deze pilot.")));
    }

    // --- codebook ---

    /** The column names of exchange-format.md, copied by hand from the specification. */
    static final List<String> SPEC_PROFESSIONALS = List.of("professional", "functie", "pilot", "leeftijd", "geslacht",
            "opleiding", "opleiding_anders", "ervaring_jaren", "loondienst_huisarts", "bekostiging",
            "uren_huisartsenpraktijk", "uren_instelling", "uren_basisteam", "huisvesting_praktijk", "huurkosten", "his",
            "zorgmail", "aantal_huisartsen", "aantal_normpraktijken", "registratie_start", "registratie_eind");
    static final List<String> SPEC_TRAJECTEN = List.of("bron_id", "professional", "praktijk", "geboortejaar",
            "geboortemaand", "geslacht", "aanmelddatum", "startdatum", "datum_laatste_contact", "einddatum", "hulpvraag",
            "capj_1", "capj_2", "capj_3", "capj_4", "capj_5", "diagnose_vraag", "diagnose",
            "aanmelder_jeugdige", "aanmelder_ouders", "aanmelder_school", "aanmelder_professional", "aanmelder_anders",
            "aantal_contacten",
            "interventie_triage", "interventie_psycho_educatie", "interventie_ondersteunende_gesprekken",
            "interventie_opvoedondersteuning", "interventie_bemiddeling_verwijzing", "interventie_kortdurende_behandeling",
            "interventie_overbruggingshulp", "interventie_crisisinterventie", "interventie_medicatievragen",
            "interventie_anders",
            "overleg_huisarts", "overleg_lokale_zorg", "overleg_cjg_wijkteam", "overleg_school",
            "afronding", "afronding_anders_reden", "moment_verwijzing",
            "verwijzing_sggz", "verwijzing_bggz", "verwijzing_cjg_wijkteam", "verwijzing_vrij_toegankelijk",
            "verwijzing_jeugdhulp_jeugdzorg", "verwijzing_jeugdhulp_lvb", "verwijzing_jeugdconsulent", "verwijzing_anders",
            "ketenpartner",
            // Our extension: the "anders, namelijk" texts, free text like hulpvraag (docs/exchange.md).
            "diagnose_anders", "aanmelder_anders_tekst", "interventie_anders_tekst", "afronding_anders_tekst");

    @Test
    void theColumnsAreThoseOfTheSpecification() {
        assertThat(ExchangeColumns.PROFESSIONALS.stream().map(ExchangeColumns.Column::name).toList())
                .isEqualTo(SPEC_PROFESSIONALS);
        assertThat(ExchangeColumns.TRAJECTEN.stream().map(ExchangeColumns.Column::name).toList())
                .isEqualTo(SPEC_TRAJECTEN);
    }

    @Test
    void theCodebookSheetDescribesEveryColumnOfBothSheetsWithEveryCode() throws Exception {
        byte[] xlsx = download(leaderName(), "formaat", "XLSX", "pilot", String.valueOf(pilot));
        List<List<String>> codebook = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter formatter = new DataFormatter();
            for (Row row : workbook.getSheet("codeboek")) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
                }
                codebook.add(cells);
            }
        }
        assertThat(codebook.get(0)).containsExactly("blad", "kolom", "omschrijving", "type", "code", "betekenis");
        int capjCodes = jdbc.sql("SELECT count(*) FROM capj_code").query(Integer.class).single();
        int expectedRows = 1;
        for (String sheet : List.of("professionals", "trajecten")) {
            List<ExchangeColumns.Column> columns = sheet.equals("trajecten") ? ExchangeColumns.TRAJECTEN
                    : ExchangeColumns.PROFESSIONALS;
            for (ExchangeColumns.Column column : columns) {
                List<List<String>> rows = codebook.stream()
                        .filter(r -> r.get(0).equals(sheet) && r.get(1).equals(column.name())).toList();
                assertThat(rows).as(sheet + "." + column.name()).isNotEmpty();
                assertThat(rows).allSatisfy(r -> {
                    assertThat(r.get(2)).as("label of " + column.name()).isNotBlank().doesNotContain("code.");
                    assertThat(r.get(3)).isEqualTo(column.type().name());
                    // A label that is still a message key means a missing translation.
                    assertThat(r.get(5)).as("meaning in " + column.name()).doesNotStartWith("code.")
                            .doesNotStartWith("admin.").doesNotStartWith("export.");
                });
                if (ExchangeColumns.isCapj(column)) {
                    assertThat(rows).hasSize(capjCodes);
                } else if (column.codes().isEmpty()) {
                    assertThat(rows).singleElement().satisfies(r -> assertThat(r.subList(4, 6)).containsExactly("", ""));
                } else {
                    assertThat(rows.stream().map(r -> r.get(4)).toList())
                            .isEqualTo(column.codes().stream().map(ExchangeColumns.Code::value).toList());
                    assertThat(rows).allSatisfy(r -> assertThat(r.get(5)).isNotBlank());
                }
                expectedRows += rows.size();
            }
        }
        assertThat(codebook).hasSize(expectedRows);
        assertThat(codebook).contains(
                List.of("professionals", "geslacht", "Geslacht", "CODE", "X", "Anders of zeg ik liever niet"),
                List.of("trajecten", "geslacht", "Geslacht", "CODE", "M", "Jongen"),
                List.of("trajecten", "geslacht", "Geslacht", "CODE", "", "Onbekend"),
                List.of("trajecten", "capj_3", "CAP-J-code 3", "TEXT", "E-102",
                        "Problematische relatie met medeleerlingen, collega's of groepsleden"),
                List.of("trajecten", "hulpvraag", "Hulpvraag (vrije tekst)", "TEXT", "", ""),
                List.of("trajecten", "verwijzing_jeugdconsulent", "Verwezen naar: Jeugdconsulent gemeente", "BOOLEAN01", "0", "Nee"));
    }

    @Test
    void scriptsQuoteCapjLabelsWithApostrophesAndReadEmptyGenderAsUnknown() throws Exception {
        Map<String, String> files = unzip(download(leaderName(), "formaat", "ZIP", "pilot", String.valueOf(pilot)));
        String sps = files.get("trajecten.sps");
        assertThat(sps).contains("    capj_1 A5\n", "    geslacht A1\n",
                "VALUE LABELS\n  geslacht\n    'M' 'Jongen'\n    'V' 'Meisje'\n    'X' 'X (anders)'\n    ' ' 'Onbekend'\n",
                "  /capj_1 capj_2 capj_3 capj_4 capj_5\n    'A-100' 'Emotionele problemen'\n",
                "\n    'E-102' 'Problematische relatie met medeleerlingen, collega''s of groepsleden'\n");
        String r = files.get("trajecten.R");
        assertThat(r).contains("read.csv(\"trajecten.csv\", sep = \",\", fileEncoding = \"UTF-8\", na.strings = \"\",",
                "trajecten$geslacht[is.na(trajecten$geslacht)] <- \"\"\n"
                        + "trajecten$geslacht <- factor(trajecten$geslacht,\n  levels = c(\"M\", \"V\", \"X\", \"\"),\n"
                        + "  labels = c(\"Jongen\", \"Meisje\", \"X (anders)\", \"Onbekend\"))\n",
                "\"E-102 Problematische relatie met medeleerlingen, collega's of groepsleden\"",
                "for (kolom in c(\"capj_1\", \"capj_2\", \"capj_3\", \"capj_4\", \"capj_5\")) {\n"
                        + "  trajecten[[kolom]] <- factor(trajecten[[kolom]], levels = capj_codes, labels = capj_labels)\n}\n");
    }
}
