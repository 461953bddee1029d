package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.account.Role;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * GET /api/v1/exports through the real API filter chain: tokens made on the token page, the same
 * file and scope as the export page, JSON errors in Dutch, and the audit record with kanaal=API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExportApiTest {

    private static final String URL = "/api/v1/exports";
    private static final Pattern TOKEN = Pattern.compile("value=\"(jbh_[A-Za-z0-9_-]{43})\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    long pilot;
    long leader;
    String code;
    String practiceName;
    long first;
    long second;

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        practiceName = jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", practice).query(String.class).single();
        TestData.Supporter supporter = data.supporter(pilot, "SOH_JGGZ", practice);
        code = jdbc.sql("SELECT code FROM supporter WHERE id = :id").param("id", supporter.id()).query(String.class).single();
        first = data.trajectory(supporter, practice, LocalDate.of(2026, 1, 10));
        second = data.trajectory(supporter, practice, LocalDate.of(2026, 2, 20));
        jdbc.sql("UPDATE trajectory SET gender = 'ONBEKEND', chain_partner = 'Jeugdteam Noord' WHERE id = :id")
                .param("id", second).update();
        leader = data.projectLeader(pilot);
    }

    /** Makes a token the way a user does: on the token page, reading it from the page shown once. */
    private String tokenFor(long userId) throws Exception {
        MvcResult created = mvc.perform(post("/account/tokens").with(principals.as(userId)).with(csrf())
                        .param("name", "export script"))
                .andExpect(redirectedUrl("/account/tokens")).andReturn();
        String page = mvc.perform(get("/account/tokens").with(principals.as(userId)).flashAttrs(created.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        Matcher matcher = TOKEN.matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static MockHttpServletRequestBuilder api(String token) {
        return get(URL).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private List<String> exportAudit(long userId) {
        return jdbc.sql("""
                        SELECT event_type || '|' || outcome || '|' || details FROM audit_event
                         WHERE user_id = :u AND object_type = 'EXPORT' ORDER BY id""")
                .param("u", userId).query(String.class).list();
    }

    private String today() {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
    }

    @Test
    void aProjectLeaderStreamsTheZipOfTheirPilotWithAToken() throws Exception {
        String token = tokenFor(leader);
        byte[] zip = mvc.perform(api(token).param("formaat", "ZIP").param("pilot", String.valueOf(pilot)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"registratiebestand-" + today() + ".zip\""))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andReturn().getResponse().getContentAsByteArray();

        String csv = ExportWebTest.unzip(zip).get("trajecten.csv");
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        // bron_id is the own id; geslacht V, then empty for ONBEKEND; no free text without vrijeTekst=true.
        // The rows come in the table's stored order (docs/exchange.md), so each is found by its id.
        assertThat(line(lines, first)).startsWith(first + "," + code + "," + practiceName + ",2010,3,V,,2026-01-10,,,,,,,,,,,0,1,0,0,0,1,");
        assertThat(line(lines, second)).startsWith(second + "," + code + "," + practiceName + ",2010,3,,,2026-02-20,,,,")
                .endsWith(",");
        assertThat(csv).doesNotContain("Somberheid").doesNotContain("Jeugdteam Noord").doesNotContain("AB-1");
        assertThat(exportAudit(leader)).containsExactly(
                "EXCHANGE_EXPORTED|SUCCESS|formaat=ZIP; pilots=" + pilot + "; vrije tekst=nee; rijen=2; kanaal=API");
    }

    @Test
    void aResearcherGetsTheWorkbookWithoutFreeTextAndIsRefusedFreeText() throws Exception {
        long researcher = data.user(Role.ONDERZOEKER);
        String token = tokenFor(researcher);
        byte[] xlsx = mvc.perform(api(token).param("pilot", String.valueOf(pilot)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet trajecten = workbook.getSheet("trajecten");
            DataFormatter formatter = new DataFormatter();
            assertThat(trajecten.getLastRowNum()).isEqualTo(2);
            assertThat(formatter.formatCellValue(trajecten.getRow(1).getCell(0))).isEqualTo(String.valueOf(first));
            assertThat(formatter.formatCellValue(trajecten.getRow(1).getCell(7))).isEqualTo("2026-01-10");
            assertThat(trajecten.getRow(1).getCell(10)).isNull();
            assertThat(workbook.getSheet("codeboek").getLastRowNum()).isGreaterThan(100);
        }
        assertThat(exportAudit(researcher)).containsExactly(
                "EXCHANGE_EXPORTED|SUCCESS|formaat=XLSX; pilots=" + pilot + "; vrije tekst=nee; rijen=2; kanaal=API");

        mvc.perform(api(token).param("vrijeTekst", "true"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("U mag geen vrije tekst exporteren."));
        assertThat(exportAudit(researcher)).hasSize(1);
    }

    @Test
    void anAdministratorMayTickFreeText() throws Exception {
        long admin = data.user(Role.BEHEERDER);
        byte[] zip = mvc.perform(api(tokenFor(admin)).param("formaat", "ZIP").param("pilot", String.valueOf(pilot))
                        .param("vrijeTekst", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> lines = ExportWebTest.unzip(zip).get("trajecten.csv").lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(line(lines, first)).contains(",2026-01-10,,,Somberheid en piekeren,,");
        assertThat(line(lines, second)).endsWith(",Jeugdteam Noord,,,,");
        assertThat(exportAudit(admin)).containsExactly(
                "EXCHANGE_EXPORTED|SUCCESS|formaat=ZIP; pilots=" + pilot + "; vrije tekst=ja; rijen=2; kanaal=API");
    }

    @Test
    void wrongParametersAre400WithTheParameterAndADutchMessage() throws Exception {
        String token = tokenFor(leader);
        mvc.perform(api(token).param("formaat", "CSV"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("formaat"))
                .andExpect(jsonPath("$.errors[0].message").value("Onbekend formaat: kies XLSX of ZIP."));
        mvc.perform(api(token).param("van", "31-12-2026"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("van"))
                .andExpect(jsonPath("$.errors[0].message").value("Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-31."));
        mvc.perform(api(token).param("van", "2026-05-01").param("tot", "2026-04-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tot"))
                .andExpect(jsonPath("$.errors[0].message").value("De startdatum vanaf ligt na de startdatum tot en met."));
        mvc.perform(api(token).param("pilot", "drie"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pilot"))
                .andExpect(jsonPath("$.errors[0].message").value("De pilot is een id (een geheel getal)."));
        assertThat(exportAudit(leader)).isEmpty();
    }

    @Test
    void aForeignOrUnknownPilotIs404() throws Exception {
        long foreign = data.pilot();
        mvc.perform(api(tokenFor(leader)).param("pilot", String.valueOf(foreign)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("U heeft geen toegang tot deze pilot."));
        long researcher = data.user(Role.ONDERZOEKER);
        mvc.perform(api(tokenFor(researcher)).param("pilot", "987654321"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("U heeft geen toegang tot deze pilot."));
        assertThat(exportAudit(leader)).isEmpty();
        assertThat(exportAudit(researcher)).isEmpty();
    }

    @Test
    void rolesWithoutExportGet403AndNoTokenGets401() throws Exception {
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD");
        mvc.perform(api(tokenFor(supporter.userId())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Uw account heeft geen toegang tot dit deel van de API."));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'API_ACCESS_DENIED' AND user_id = :u")
                .param("u", supporter.userId()).query(Long.class).single()).isEqualTo(1L);
        assertThat(exportAudit(supporter.userId())).isEmpty();

        mvc.perform(get(URL))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(jsonPath("$.error").isString());
        // The export page's own URL is not part of the API: a token opens no page.
        mvc.perform(get("/export/download").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(leader)))
                .andExpect(status().is3xxRedirection());
    }

    /** The one line of the CSV whose bron_id is {@code id}. */
    private static String line(List<String> lines, long id) {
        List<String> found = lines.stream().filter(l -> l.startsWith(id + ",")).toList();
        assertThat(found).as("lines with bron_id " + id).hasSize(1);
        return found.get(0);
    }
}
