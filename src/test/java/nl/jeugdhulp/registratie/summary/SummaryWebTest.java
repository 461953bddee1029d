package nl.jeugdhulp.registratie.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.account.AccountService;
import nl.jeugdhulp.registratie.account.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The summary through HTTP with the real security chain, on the Hilversum letter's figures: in
 * 1 Nov 2020 – 30 Jun 2021, 150 closed without referral, 25 referred to the voorliggend veld after the
 * first clarification and 3 after treatment (28), 113 to BGGZ after clarification and 14 to SGGZ after
 * treatment; EUR 2000 per trajectory, staff 180,000 and housing 48,000 a year.
 *
 * <pre>
 *  count outcome moment       destination        sex contacts
 *  150   ZELF                                    V   2
 *   25   VERWEZEN vraag       CJG_WIJKTEAM       M   1
 *    3   VERWEZEN behandeling VRIJ_TOEGANKELIJK  X   8
 *  113   VERWEZEN vraag       BGGZ               V   2
 *   14   VERWEZEN behandeling SGGZ               M   12
 * </pre>
 * Seen = closed = 305: girls 263, boys 39, X 3. For the municipality X (3) is "&lt;5" and boys (39, the
 * next smallest) hidden; contacts 6–10 (3) "&lt;5" and 11+ (14) hidden.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryWebTest {

    static final String PERIOD = "van=2020-11-01&tot=2021-06-30";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    long pilot;
    long otherPilot;
    String supporterCode;
    long municipalUser;
    long leader;

    @BeforeAll
    void hilversum() {
        pilot = data.pilot();
        long hilversum = data.municipality();
        long practice = data.practice(pilot, hilversum);
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        supporterCode = jdbc.sql("SELECT code FROM supporter WHERE id = :id").param("id", supporter.id())
                .query(String.class).single();
        Rows rows = new Rows(jdbc, supporter.id(), practice);
        rows.many(150, "2020-11-02", "2021-01-15", "ZELF_AFGEROND", null, null, "V", 2010, 5, "{OUDERS}", 2,
                "{TRIAGE_SCREENING}");
        rows.many(25, "2020-11-02", "2021-02-01", "VERWEZEN", "NA_VRAAGVERHELDERING", "{CJG_WIJKTEAM}", "M", 2011, 3,
                "{OUDERS}", 1, "{TRIAGE_SCREENING}");
        rows.many(3, "2020-12-01", "2021-05-01", "VERWEZEN", "NA_BEHANDELING", "{VRIJ_TOEGANKELIJK}", "X", 2008, 1,
                "{JEUGDIGE}", 8, "{KORTDURENDE_BEHANDELING}");
        rows.many(113, "2020-11-02", "2021-03-01", "VERWEZEN", "NA_VRAAGVERHELDERING", "{BGGZ}", "V", 2009, 7,
                "{OUDERS}", 2, "{TRIAGE_SCREENING}");
        rows.many(14, "2020-11-02", "2021-06-30", "VERWEZEN", "NA_BEHANDELING", "{SGGZ}", "M", 2007, 2, "{JEUGDIGE}", 12,
                "{KORTDURENDE_BEHANDELING}");
        jdbc.sql("""
                        INSERT INTO pilot_cost_assumption (pilot_id, valid_from, amount_per_trajectory, staff_cost_per_year,
                                                           housing_cost_per_year)
                        VALUES (:p, DATE '2020-03-01', 2000, 180000, 48000)""").param("p", pilot).update();
        municipalUser = data.user(Role.GEMEENTE);
        accounts.replaceScope(municipalUser, List.of(), List.of(hilversum));
        leader = data.projectLeader(pilot);
        otherPilot = data.pilot();
        data.practice(otherPilot, data.municipality());
    }

    private String page(long user, String query) throws Exception {
        return mvc.perform(get("/samenvatting?" + query).with(principals.as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theProjectLeaderSeesTheHilversumCostBenefitExactly() throws Exception {
        String html = page(leader, "pilot=" + pilot + "&" + PERIOD);
        assertThat(html).contains("€ 356.000", "€ 534.000", "€ 120.000", "€ 180.000", "€ 32.000", "€ 48.000",
                "€ 204.000", "€ 306.000", ">178<", ">150<", ">28<", ">8<")
                .contains("aangenomen bedrag");
        // Unsuppressed: the three X and the 39 boys are there.
        assertThat(html).contains(">39<", ">3<").doesNotContain(">&lt;5<");
    }

    @Test
    void theMunicipalitySeesSmallCountsSuppressed() throws Exception {
        String html = page(municipalUser, "pilot=" + pilot + "&" + PERIOD);
        assertThat(html).contains(">305<", ">263<", "&lt;5", "€ 306.000", ">178<")
                .doesNotContain(">39<").doesNotContain(supporterCode);
    }

    @Test
    void aMunicipalUserLandsOnTheSummaryAndChoosesAmongTheirPilotsOnly() throws Exception {
        mvc.perform(get("/").with(principals.as(municipalUser))).andExpect(redirectedUrl("/samenvatting"));
        String html = page(municipalUser, PERIOD);
        String name = jdbc.sql("SELECT name FROM pilot WHERE id = :id").param("id", pilot).query(String.class).single();
        String other = jdbc.sql("SELECT name FROM pilot WHERE id = :id").param("id", otherPilot).query(String.class).single();
        assertThat(html).contains(name).doesNotContain(other);
        mvc.perform(get("/samenvatting?pilot=" + otherPilot + "&" + PERIOD).with(principals.as(municipalUser)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/samenvatting/samenvatting.pdf?pilot=" + otherPilot + "&" + PERIOD)
                .with(principals.as(municipalUser))).andExpect(status().isNotFound());
        mvc.perform(get("/samenvatting?pilot=" + pilot + "&" + PERIOD).with(principals.as(data.projectLeader(otherPilot))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMunicipalUserReachesNothingElse() throws Exception {
        for (String url : List.of("/trajecten", "/trajecten/1", "/pilot/trajecten", "/rapportage", "/rapportage/export.xlsx",
                "/export", "/import", "/beheer", "/samenvatting/aannames", "/samenvatting/aannames/" + pilot + "/nieuw")) {
            mvc.perform(get(url).with(principals.as(municipalUser))).andExpect(status().isForbidden());
        }
        int api = mvc.perform(get("/api/v1/reports/trimester").with(principals.as(municipalUser)))
                .andReturn().getResponse().getStatus();
        assertThat(api).isIn(401, 403);
    }

    @Test
    void anInvalidPeriodAnswers400WithADutchMessage() throws Exception {
        String html = mvc.perform(get("/samenvatting?van=2021-06-30&tot=2020-11-01").with(principals.as(municipalUser)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("De einddatum ligt vóór de begindatum.");
        mvc.perform(get("/samenvatting?van=gisteren&tot=2020-11-01").with(principals.as(municipalUser)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/samenvatting/samenvatting.csv?pilot=abc&" + PERIOD).with(principals.as(municipalUser)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void thePdfIsTheSummaryWithChartsAndTheRule() throws Exception {
        byte[] pdf = mvc.perform(get("/samenvatting/samenvatting.pdf?pilot=" + pilot + "&" + PERIOD)
                        .with(principals.as(municipalUser)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(text).contains("Samenvatting pilot", "01-11-2020 – 30-06-2021", "Gemaakt op", "305", "263", "<5",
                    "€ 356.000", "€ 204.000", "€ 306.000", "Aantallen van 1 tot 5")
                    .doesNotContain(" 39 ").doesNotContain(supporterCode);
            // The page numbers come from the print stylesheet beside the template: it was found.
            assertThat(text).containsPattern("1 / \\d+");
        }
        assertAudited("PDF");
    }

    @Test
    void xlsxAndCsvCarryThePublishedFiguresOnly() throws Exception {
        byte[] xlsx = mvc.perform(get("/samenvatting/samenvatting.xlsx?pilot=" + pilot + "&" + PERIOD)
                .with(principals.as(municipalUser))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        StringBuilder cells = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            for (Row row : sheet) {
                row.forEach(cell -> cells.append(format.formatCellValue(cell)).append('|'));
                cells.append('\n');
            }
        }
        assertThat(cells.toString()).contains("Meisje|263|86%|", "X (anders)|<5|", "Jongen|×|", "Baten|€ 356.000|€ 534.000|")
                .doesNotContain("|39|");
        assertAudited("XLSX");

        String csv = mvc.perform(get("/samenvatting/samenvatting.csv?pilot=" + pilot + "&" + PERIOD)
                .with(principals.as(municipalUser))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains(";Meisje;263;86%;", ";X (anders);<5;;", ";Jongen;×;;")
                .doesNotContain(";39;");
        assertAudited("CSV");
    }

    private void assertAudited(String format) {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE user_id = :u AND event_type = 'SUMMARY_EXPORTED'
                           AND details LIKE :d AND pilot_id = :p""")
                .param("u", municipalUser).param("d", format + " 2020-11-01..2021-06-30%").param("p", pilot)
                .query(Long.class).single()).isEqualTo(1);
    }
}
