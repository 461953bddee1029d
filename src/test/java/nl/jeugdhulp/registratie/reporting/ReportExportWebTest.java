package nl.jeugdhulp.registratie.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.account.Role;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The report's downloads through HTTP with the real security configuration and PostgreSQL, on a
 * small known data set in a pilot of its own: four trajectories closed in T1 2025, three of a POH
 * Jeugd (two handled, one referred) and one of a SOH-JGGZ (handled).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportExportWebTest {

    static final String BOM = "\uFEFF";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    long pilot;
    String admin;

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        Supporter poh = data.supporter(pilot, "POH_JEUGD", practice);
        Supporter soh = data.supporter(pilot, "SOH_JGGZ", practice);
        close(data.trajectory(poh, practice, LocalDate.of(2025, 1, 6)), "2025-02-03", "outcome = 'ZELF_AFGEROND'");
        close(data.trajectory(poh, practice, LocalDate.of(2025, 1, 13)), "2025-03-10", "outcome = 'ZELF_AFGEROND'");
        close(data.trajectory(poh, practice, LocalDate.of(2025, 2, 3)), "2025-04-14",
                "outcome = 'VERWEZEN', referral_moment = 'NA_BEHANDELING', referral_destinations = '{SGGZ}'");
        close(data.trajectory(soh, practice, LocalDate.of(2025, 3, 3)), "2025-03-24", "outcome = 'ZELF_AFGEROND'");
        admin = data.username(data.user(Role.BEHEERDER));
    }

    void close(long trajectory, String endDate, String outcome) {
        jdbc.sql("UPDATE trajectory SET end_date = DATE '" + endDate + "', " + outcome + " WHERE id = :id")
                .param("id", trajectory).update();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** The CSV of a table per function type in T1 2025 of the test's pilot; {@code overrides} are name, value pairs. */
    MockHttpServletRequestBuilder csv(String table, String... overrides) {
        return withParams(get("/rapportage/tabel.csv"), overrides, "tabel", table, "indeling", "FUNCTION_TYPE");
    }

    /** The workbook of T1 2025 of the test's pilot; {@code overrides} are name, value pairs. */
    MockHttpServletRequestBuilder xlsx(String... overrides) {
        return withParams(get("/rapportage/export.xlsx"), overrides);
    }

    MockHttpServletRequestBuilder withParams(MockHttpServletRequestBuilder request, String[] overrides, String... more) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        params.put("jaar", "2025");
        params.put("periode", "T1");
        params.put("pilot", String.valueOf(pilot));
        for (int i = 0; i < overrides.length; i += 2) {
            params.put(overrides[i], overrides[i + 1]);
        }
        params.forEach(request::param);
        return request;
    }

    List<String> exports(String username) {
        return jdbc.sql("""
                        SELECT action || ' ' || details FROM audit_event
                         WHERE event_type = 'REPORT_EXPORTED' AND username = :u ORDER BY id""")
                .param("u", username).query(String.class).list();
    }

    @Test
    void theOutcomeTableDownloadsAsDutchCsv() throws Exception {
        byte[] body = mvc.perform(csv("afronding").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"rapportage-afronding-FUNCTION_TYPE-2025-01-01-2025-04-30.csv\""))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(BOM
                + "Categorie;POH Jeugd aantal;POH Jeugd %;SOH-JGGZ aantal;SOH-JGGZ %;OJG aantal;OJG %;Totaal aantal;Totaal %\r\n"
                + "Zelf afgerond (geen verwijzing);2;67;1;100;0;;3;75\r\n"
                + "Verwezen;1;33;0;0;0;;1;25\r\n"
                + "Anders (een ander beslist over verwijzing);0;0;0;0;0;;0;0\r\n"
                + "n;3;;1;;0;;4;\r\n"
                + "onbekend;0;;0;;0;;0;\r\n");
        assertThat(exports(admin)).containsExactly("E CSV afronding FUNCTION_TYPE 2025-01-01..2025-04-30");
    }

    @Test
    void csvLabelsFollowTheUsersLanguage() throws Exception {
        String body = mvc.perform(csv("afronding", "lang", "en").with(as(admin)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).startsWith(BOM + "Category;POH Jeugd count;POH Jeugd %;")
                .contains("\r\nReferred;1;33;0;0;0;;1;25\r\n")
                .endsWith("\r\nunknown;0;;0;;0;;0;\r\n");
    }

    @Test
    void processTablesDownloadPerEducationToo() throws Exception {
        // The supporters' profile says WO: every trajectory falls in that column.
        String body = mvc.perform(csv("afronding", "indeling", "EDUCATION").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("rapportage-afronding-EDUCATION-")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).startsWith(BOM + "Categorie;HBO aantal;HBO %;WO aantal;WO %;WO+ aantal;WO+ %;Totaal aantal;Totaal %\r\n")
                .contains("\r\nZelf afgerond (geen verwijzing);0;;3;75;0;;3;75\r\n");
    }

    @Test
    void unknownTablesAndBreakdownsAreNotFound() throws Exception {
        mvc.perform(csv("bestaat_niet").with(as(admin))).andExpect(status().isNotFound());
        mvc.perform(csv("afronding", "indeling", "ONZIN").with(as(admin))).andExpect(status().isNotFound());
        // Intake tables exist only per function type.
        mvc.perform(csv("geslacht", "indeling", "EDUCATION").with(as(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/rapportage/tabel.csv").with(as(admin))).andExpect(status().isNotFound());
        assertThat(exports(admin)).isEmpty();
    }

    @Test
    void theWholeReportDownloadsAsAWorkbook() throws Exception {
        byte[] body = mvc.perform(xlsx().with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"rapportage-2025-01-01-2025-04-30.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Toelichting");
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                assertThat(workbook.getSheetName(i).length()).isLessThanOrEqualTo(31);
            }
            String notes = text(workbook.getSheet("Toelichting"));
            Sheet notesSheet = workbook.getSheet("Toelichting");
            assertThat(notesSheet.getRow(rowStartingWith(notesSheet, "Periode")).getCell(1).getStringCellValue())
                    .isEqualTo("01-01-2025 tot en met 30-04-2025");
            assertThat(notes).contains("T1 (januari–april) 2025",
                    "Gemaakt op", "(Nederlandse tijd)", "afgesloten in de periode", "p-waarde",
                    "de percentages tellen op tot meer dan 100%");
            assertThat(notes).containsPattern("Gemaakt op \\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2} \\(Nederlandse tijd\\)");
            assertThat(notes).contains(jdbc.sql("SELECT name FROM pilot WHERE id = :id").param("id", pilot)
                    .query(String.class).single());
            assertThat(workbook.getSheet("Instroom")).isNotNull();
            assertThat(workbook.getSheet("Verdelingen (F1–F3)")).isNotNull();
            assertThat(workbook.getSheet("Trajecttypen")).isNotNull();

            Sheet process = workbook.getSheet("Proces – naar functie");
            int title = rowStartingWith(process, "Tabel 6. Wijze van afronding");
            Row header = process.getRow(title + 1);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Categorie");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("POH Jeugd aantal");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("POH Jeugd %");
            assertThat(((XSSFCell) header.getCell(1)).getCellStyle().getFont().getBold()).isTrue();

            Row handled = process.getRow(title + 2);
            assertThat(handled.getCell(0).getStringCellValue()).isEqualTo("Zelf afgerond (geen verwijzing)");
            assertThat(handled.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(handled.getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(handled.getCell(2).getNumericCellValue()).isCloseTo(2 / 3.0, within(1e-9));
            assertThat(handled.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0%");
            assertThat(handled.getCell(3).getNumericCellValue()).isEqualTo(1);
            assertThat(handled.getCell(5).getNumericCellValue()).isZero();
            assertThat(handled.getCell(6)).as("no percentage where n is 0").isNull();
            assertThat(handled.getCell(7).getNumericCellValue()).isEqualTo(3);
            assertThat(handled.getCell(8).getNumericCellValue()).isEqualTo(0.75);
            Row referred = process.getRow(title + 3);
            assertThat(referred.getCell(0).getStringCellValue()).isEqualTo("Verwezen");
            assertThat(referred.getCell(7).getNumericCellValue()).isEqualTo(1);
            Row n = process.getRow(title + 5);
            assertThat(n.getCell(0).getStringCellValue()).isEqualTo("n");
            assertThat(n.getCell(7).getNumericCellValue()).isEqualTo(4);
            assertThat(process.getRow(title + 6).getCell(0).getStringCellValue()).isEqualTo("onbekend");
            Row test = process.getRow(title + 7);
            assertThat(test.getCell(0).getStringCellValue()).matches("Chi-kwadraattoets|Permutatietoets.*");
            assertThat(test.getCell(1).getStringCellValue()).isEqualTo("χ²");
            assertThat(test.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(test.getCell(4).getNumericCellValue()).isEqualTo(1);
            assertThat(test.getCell(6).getNumericCellValue()).isBetween(0.0, 1.0);
        }
        assertThat(exports(admin)).containsExactly("E XLSX 2025-01-01..2025-04-30");
    }

    @Test
    void aBadFilterIsABadRequestWithDutchMessages() throws Exception {
        mvc.perform(csv("afronding", "periode", "ONZIN").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("Kies een geldige periode.")));
        mvc.perform(xlsx("jaar", "twintig").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("text/html"));
        mvc.perform(xlsx("periode", "EIGEN", "van", "2025-03-01", "tot", "2025-02-01").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("De einddatum ligt voor de begindatum.")));
        assertThat(exports(admin)).isEmpty();
    }

    @Test
    void aProjectLeaderCannotExportAnotherPilot() throws Exception {
        String leader = data.username(data.projectLeader(data.pilot()));
        mvc.perform(csv("afronding").with(as(leader)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Deze keuze bestaat niet of valt buiten wat u mag zien.")));
        mvc.perform(xlsx().with(as(leader))).andExpect(status().isBadRequest());
        assertThat(exports(leader)).isEmpty();

        String ownLeader = data.username(data.projectLeader(pilot));
        mvc.perform(csv("afronding").with(as(ownLeader))).andExpect(status().isOk());
        assertThat(exports(ownLeader)).hasSize(1);
    }

    @Test
    void municipalityUsersHaveNoExports() throws Exception {
        String municipality = data.username(data.user(Role.GEMEENTE));
        mvc.perform(csv("afronding").with(as(municipality))).andExpect(status().isForbidden());
        mvc.perform(xlsx().with(as(municipality))).andExpect(status().isForbidden());
    }

    @Test
    void theReportPageLinksToTheDownloadsWithItsFilters() throws Exception {
        String page = mvc.perform(get("/rapportage").param("jaar", "2025").param("periode", "T1")
                        .param("pilot", String.valueOf(pilot)).with(as(admin)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("href=\"/rapportage/export.xlsx?periode=T1&amp;jaar=2025&amp;")
                .contains("Hele rapportage als Excel (XLSX)")
                .contains("href=\"/rapportage/tabel.csv?tabel=afronding&amp;indeling=EDUCATION&amp;periode=T1&amp;jaar=2025&amp;")
                .contains("pilot=" + pilot + "&amp;")
                .contains("<span>Download als CSV</span><span class=\"visually-hidden\">: Tabel 6. Wijze van afronding (Naar functie)</span>");

        // The link works as it stands, empty filters included.
        Matcher link = Pattern.compile("href=\"(/rapportage/tabel\\.csv\\?tabel=afronding&amp;indeling=FUNCTION_TYPE&amp;[^\"]*)\"").matcher(page);
        assertThat(link.find()).isTrue();
        String csv = mvc.perform(get(link.group(1).replace("&amp;", "&")).with(as(admin)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("\r\nZelf afgerond (geen verwijzing);2;67;1;100;0;;3;75\r\n");
    }

    private static int rowStartingWith(Sheet sheet, String prefix) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().startsWith(prefix)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starting with " + prefix + " in " + sheet.getSheetName());
    }

    private static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    text.append(cell.getStringCellValue()).append(' ');
                }
            }
            text.append('\n');
        }
        return text.toString();
    }
}
