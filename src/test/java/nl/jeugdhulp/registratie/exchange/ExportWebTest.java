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
                "0,1,1,0,0", 3, empty(10), "0,0,0,0", null, null, null, empty(8), null);
        String row2 = cells(t2, code, practiceName, 2015, 6, "M", null, "2026-02-01", "2026-02-25", "2026-03-01", null,
                "A-201", null, null, null, null, "GEEN", null,
                "1,0,0,0,0", 5, "1,1,0,0,0,0,0,0,0,0", "1,0,0,0", "VERWEZEN", null, "NA_BEHANDELING",
                "1,0,1,0,0,0,0,0", null);
        String row3 = cells("SRC-3", code, practiceName, 2010, 1, null, null, "2026-03-15", null, "2026-04-01", null,
                null, null, null, null, null, null, null,
                "0,0,0,1,0", 2, "0,0,0,0,0,0,0,0,0,0", empty(4), "ANDERS", "PARALLEL", null, empty(8), null);
        assertThat(files.get("trajecten.csv")).isEqualTo(header + "\r\n" + row1 + "\r\n" + row2 + "\r\n" + row3 + "\r\n");

        int experience = 8 + Period.between(LocalDate.of(2015, 1, 1), LocalDate.now(ZoneId.of("Europe/Amsterdam"))).getYears();
        assertThat(files.get("professionals.csv")).isEqualTo(
                String.join(",", ExchangeColumns.PROFESSIONALS.stream().map(ExchangeColumns.Column::name).toList()) + "\r\n"
                        + cells(code, pilotName, "POH_JEUGD", null, null, "WO", null, experience, null, null, null, null,
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
        assertThat(csv).contains("Druk gedrag").contains(",GGZ Oost\r\n").doesNotContain(PRIVATE_REFERENCE);
        assertThat(auditDetails(leader)).contains("rijen=3", "vrije tekst=ja");
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
}
