package nl.jeugdhulp.registratie.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.account.Role;
import nl.jeugdhulp.registratie.questionnaire.ResponseStatistics;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * T16–T18 from a hand-made set of six responses in T1 2026 (and one in May, outside it): a POH Jeugd
 * with four (one left completely empty), an OJG with two. Every expected number is worked out by
 * hand in the comments.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExperienceReportTest {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 10);
    private static final ReportFilter T1 = ReportFilter.period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30));

    @Autowired
    ReportService reports;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    long pilot;
    long practice;
    TestData.Supporter poh;
    TestData.Supporter ojg;

    @BeforeEach
    void responses() {
        pilot = data.pilot();
        practice = data.practice(pilot, data.municipality());
        poh = data.supporter(pilot, "POH_JEUGD", practice);
        ojg = data.supporter(pilot, "OJG", practice);
        //           understand listen involve goal                 recommend          learned            confidence
        response(poh, "POH_JEUGD", MARCH, 10, 9, 8, "BEREIKT", "HELEMAAL_EENS", "WEL_EENS", "WEL_EENS");
        response(poh, "POH_JEUGD", MARCH, 8, 7, 5, "DEEL_BEREIKT", "WEL_EENS", "WEL_EENS", "NIET_EENS");
        response(poh, "POH_JEUGD", MARCH, 5, 10, null, "BEREIKT", "HELEMAAL_EENS", null, "HELEMAAL_EENS");
        response(poh, "POH_JEUGD", MARCH, null, null, null, null, null, null, null);
        response(ojg, "OJG", MARCH, 9, 8, 10, "VEEL_MEER_BEREIKT", "HELEMAAL_EENS", "HELEMAAL_EENS", "WEL_EENS");
        response(ojg, "OJG", MARCH, 3, null, 4, "HETZELFDE", "NIET_EENS", "NIET_EENS", "NIET_EENS");
        // Outside T1: never counted.
        response(poh, "POH_JEUGD", LocalDate.of(2026, 5, 2), 0, 0, 0, "MINDER_GOED", "HELEMAAL_NIET_EENS",
                "HELEMAAL_NIET_EENS", "HELEMAAL_NIET_EENS");
    }

    private void response(TestData.Supporter supporter, String function, LocalDate day, Integer understand,
                          Integer listen, Integer involve, String goal, String recommend, String learned,
                          String confidence) {
        jdbc.sql("""
                        INSERT INTO questionnaire_response (pilot_id, function_type, supporter_id, response_date, source,
                            form_token, understand, listen, involve, goal_attainment, recommend, learned, confidence)
                        VALUES (:p, :f, :s, :d, 'WEB', :t, :u, :l, :i, :g, :r, :le, :c)""")
                .param("p", pilot).param("f", function).param("s", supporter.id()).param("d", day)
                .param("t", UUID.randomUUID().toString()).param("u", understand).param("l", listen).param("i", involve)
                .param("g", goal).param("r", recommend).param("le", learned).param("c", confidence).update();
    }

    private ReportFilter t1(String functionType, Long practiceId) {
        return new ReportFilter(T1.from(), T1.to(), pilot, null, practiceId, functionType, null);
    }

    @Test
    void t16MeansSdsNAndBelowSixPerFunctionTypeAndInTotal() {
        Report.Experiences e = reports.report(t1(null, null), ReportScope.everything()).experiences();
        assertThat(e.status()).isEqualTo(Report.ExperienceStatus.SHOWN);
        ResponseStatistics s = e.statistics();
        assertThat(s.columns()).containsExactly("POH_JEUGD", "SOH_JGGZ", "OJG", "TOTAL");
        assertThat(s.responses()).containsExactly(4, 0, 2, 6);

        // understand: POH 10, 8, 5 -> mean 23/3, SD sqrt(38/6 ... = 12.667/2) = 2.5166; OJG 9, 3 -> 6, sqrt(18);
        // total 10, 8, 5, 9, 3 -> 7.0, SD sqrt(34/4) = 2.9155; below 6: POH 1 (5), OJG 1 (3), total 2.
        ResponseStatistics.Score understand = s.scores().get(0);
        assertThat(understand.item()).isEqualTo("understand");
        assertThat(understand.n()).containsExactly(3, 0, 2, 5);
        assertThat(understand.mean()[0]).isCloseTo(23.0 / 3, within(1e-9));
        assertThat(understand.sd()[0]).isCloseTo(Math.sqrt(19.0 / 3), within(1e-9));
        assertThat(understand.mean()[1]).isNull();
        assertThat(understand.mean()[2]).isCloseTo(6.0, within(1e-9));
        assertThat(understand.sd()[2]).isCloseTo(Math.sqrt(18), within(1e-9));
        assertThat(understand.mean()[3]).isCloseTo(7.0, within(1e-9));
        assertThat(understand.sd()[3]).isCloseTo(2.9155, within(1e-4));
        assertThat(understand.belowSix()).containsExactly(1, 0, 1, 2);

        // listen: POH 9, 7, 10 -> 26/3, SD sqrt(4.667/2) = 1.5275; OJG 8 alone -> 8, no SD;
        // total 9, 7, 10, 8 -> 8.5, SD sqrt(5/3) = 1.2910; nobody below 6.
        ResponseStatistics.Score listen = s.scores().get(1);
        assertThat(listen.n()).containsExactly(3, 0, 1, 4);
        assertThat(listen.mean()[0]).isCloseTo(26.0 / 3, within(1e-9));
        assertThat(listen.sd()[0]).isCloseTo(1.5275, within(1e-4));
        assertThat(listen.mean()[2]).isCloseTo(8.0, within(1e-9));
        assertThat(listen.sd()[2]).isNull();
        assertThat(listen.mean()[3]).isCloseTo(8.5, within(1e-9));
        assertThat(listen.sd()[3]).isCloseTo(Math.sqrt(5.0 / 3), within(1e-9));
        assertThat(listen.belowSix()).containsExactly(0, 0, 0, 0);

        // involve: POH 8, 5 -> 6.5, SD sqrt(4.5); OJG 10, 4 -> 7, SD sqrt(18);
        // total 8, 5, 10, 4 -> 6.75, SD sqrt(22.75/3) = 2.7538; below 6: 5 and 4.
        ResponseStatistics.Score involve = s.scores().get(2);
        assertThat(involve.n()).containsExactly(2, 0, 2, 4);
        assertThat(involve.mean()[0]).isCloseTo(6.5, within(1e-9));
        assertThat(involve.sd()[0]).isCloseTo(Math.sqrt(4.5), within(1e-9));
        assertThat(involve.mean()[2]).isCloseTo(7.0, within(1e-9));
        assertThat(involve.mean()[3]).isCloseTo(6.75, within(1e-9));
        assertThat(involve.sd()[3]).isCloseTo(Math.sqrt(22.75 / 3), within(1e-9));
        assertThat(involve.belowSix()).containsExactly(1, 0, 1, 2);
    }

    @Test
    void t17AndT18CountLevelsPerFunctionTypeWithEmptyAnswersAsMissing() {
        Report report = reports.report(t1(null, null), ReportScope.everything());

        ReportTable goal = report.table("doelbereik", Breakdown.FUNCTION_TYPE).orElseThrow();
        assertThat(goal.population()).isEqualTo(Population.RESPONSES);
        assertThat(goal.rows()).containsExactly("MINDER_GOED", "HETZELFDE", "DEEL_BEREIKT", "BEREIKT", "MEER_BEREIKT",
                "VEEL_MEER_BEREIKT");
        assertThat(goal.counts()).isDeepEqualTo(new long[][] {
                {0, 0, 0, 0}, {0, 0, 1, 1}, {1, 0, 0, 1}, {2, 0, 0, 2}, {0, 0, 0, 0}, {0, 0, 1, 1}});
        assertThat(goal.n()).containsExactly(3, 0, 2, 5);
        assertThat(goal.missing()).containsExactly(1, 0, 0, 1);
        // Of the total n = 5: 1 -> 20%, 2 -> 40%.
        assertThat(goal.percent(1, 3)).isEqualTo(20);
        assertThat(goal.percent(3, 3)).isEqualTo(40);
        assertThat(goal.percent(0, 1)).isNull();

        ReportTable recommend = report.table("aanbevelen", Breakdown.FUNCTION_TYPE).orElseThrow();
        assertThat(recommend.rows()).containsExactly("HELEMAAL_NIET_EENS", "NIET_EENS", "WEL_EENS", "HELEMAAL_EENS");
        assertThat(recommend.counts()).isDeepEqualTo(new long[][] {{0, 0, 0, 0}, {0, 0, 1, 1}, {1, 0, 0, 1}, {2, 0, 1, 3}});
        assertThat(recommend.n()).containsExactly(3, 0, 2, 5);
        assertThat(recommend.percent(3, 3)).isEqualTo(60);

        ReportTable learned = report.table("geleerd", Breakdown.FUNCTION_TYPE).orElseThrow();
        assertThat(learned.counts()).isDeepEqualTo(new long[][] {{0, 0, 0, 0}, {0, 0, 1, 1}, {2, 0, 0, 2}, {0, 0, 1, 1}});
        assertThat(learned.n()).containsExactly(2, 0, 2, 4);
        assertThat(learned.missing()).containsExactly(2, 0, 0, 2);
        assertThat(learned.percent(1, 3)).isEqualTo(25);
        assertThat(learned.percent(2, 3)).isEqualTo(50);

        ReportTable confidence = report.table("vertrouwen", Breakdown.FUNCTION_TYPE).orElseThrow();
        assertThat(confidence.counts()).isDeepEqualTo(new long[][] {{0, 0, 0, 0}, {1, 0, 1, 2}, {1, 0, 1, 2}, {1, 0, 0, 1}});
        assertThat(confidence.n()).containsExactly(3, 0, 2, 5);
        assertThat(confidence.percent(1, 3)).isEqualTo(40);
        assertThat(confidence.percent(3, 3)).isEqualTo(20);
    }

    @Test
    void filtersNarrowTheResponsesAndAPracticeFilterDoesNotApply() {
        ResponseStatistics ojgOnly = reports.report(t1("OJG", null), ReportScope.everything()).experiences().statistics();
        assertThat(ojgOnly.responses()).containsExactly(0, 0, 2, 2);
        assertThat(ojgOnly.scores().get(0).mean()[3]).isCloseTo(6.0, within(1e-9));

        ResponseStatistics may = reports.report(new ReportFilter(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 8, 31),
                pilot, null, null, null, null), ReportScope.everything()).experiences().statistics();
        assertThat(may.responses()).containsExactly(1, 0, 0, 1);
        assertThat(may.scores().get(0).mean()[3]).isCloseTo(0.0, within(1e-9));
        assertThat(may.goalAttainment().counts()[0][3]).isEqualTo(1);

        ResponseStatistics otherPilot = reports.report(t1(null, null),
                new ReportScope(false, Set.of(data.pilot()), null)).experiences().statistics();
        assertThat(otherPilot.responses()).containsExactly(0, 0, 0, 0);

        Report.Experiences perPractice = reports.report(t1(null, practice), ReportScope.everything()).experiences();
        assertThat(perPractice.status()).isEqualTo(Report.ExperienceStatus.NOT_PER_PRACTICE);
        assertThat(perPractice.tables()).isEmpty();
    }

    @Test
    void aSupporterSeesOwnFiguresOnlyFromFiveResponsesAndNoItemAnsweredByFewer() {
        ReportScope own = new ReportScope(false, Set.of(), poh.id());
        Report.Experiences four = reports.report(t1(null, null), own).experiences();
        assertThat(four.status()).isEqualTo(Report.ExperienceStatus.TOO_FEW_OWN);
        assertThat(four.tables()).isEmpty();
        assertThat(four.statistics().responses()).containsExactly(0, 0, 0, 0);
        assertThat(four.statistics().scores().get(0).mean()[3]).isNull();

        response(poh, "POH_JEUGD", MARCH, 7, 8, 9, "BEREIKT", "WEL_EENS", "WEL_EENS", "WEL_EENS");
        Report.Experiences five = reports.report(t1(null, null), own).experiences();
        assertThat(five.status()).isEqualTo(Report.ExperienceStatus.SHOWN);
        ResponseStatistics s = five.statistics();
        assertThat(s.responses()).containsExactly(5, 0, 0, 5);
        // understand now 10, 8, 5, 7: four answers, fewer than five -> blanked.
        assertThat(s.scores().get(0).n()).containsExactly(0, 0, 0, 0);
        assertThat(s.scores().get(0).mean()[3]).isNull();
        assertThat(s.scores().get(0).suppressed()).isTrue();
        assertThat(five.tables().get(0).n()).containsExactly(0, 0, 0, 0);

        // A project leader of the pilot sees everything, also items with few answers.
        ResponseStatistics leader = reports.report(t1(null, null), new ReportScope(false, Set.of(pilot), null))
                .experiences().statistics();
        assertThat(leader.scores().get(0).n()).containsExactly(4, 0, 2, 6);
        assertThat(leader.scores().get(0).suppressed()).isFalse();
    }

    @Test
    void theReportPageShowsT16ToTheDecimalsAndTheT17AndT18Tables() throws Exception {
        long leader = data.projectLeader(pilot);
        String page = mvc.perform(get("/rapportage").param("periode", "T1").param("jaar", "2026")
                        .param("pilot", String.valueOf(pilot)).with(principals.as(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String t16 = page.substring(page.indexOf("id=\"t16\""), page.indexOf("</table>", page.indexOf("id=\"t16\"")));
        // Per row: POH, SOH (none), OJG, total; each mean (SD), n, below 6.
        assertThat(cells(t16, "om uw/jouw situatie")).containsExactly("7,7 (2,5)", "3", "1", "–", "0", "0",
                "6,0 (4,2)", "2", "1", "7,0 (2,9)", "5", "2");
        assertThat(cells(t16, "te luisteren")).containsExactly("8,7 (1,5)", "3", "0", "–", "0", "0",
                "8,0", "1", "0", "8,5 (1,3)", "4", "0");
        assertThat(cells(t16, "te betrekken")).containsExactly("6,5 (2,1)", "2", "1", "–", "0", "0",
                "7,0 (4,2)", "2", "1", "6,8 (2,8)", "4", "2");
        assertThat(page).contains("Ingevulde vragenlijsten in de periode: 6.")
                .contains("T17 Doelrealisatie (vraag 5)").contains("T18 Aanbevelen (vraag 6)")
                .contains("Ik vind dat het doel waarvoor ik hulp zocht bereikt is.")
                .contains("tabel=doelbereik");
    }

    @Test
    void theCsvAndTheApiCarryTheSameNumbers() throws Exception {
        long admin = data.user(Role.BEHEERDER);
        String csv = mvc.perform(get("/rapportage/tabel.csv").param("tabel", "geleerd").param("periode", "T1")
                        .param("jaar", "2026").param("pilot", String.valueOf(pilot)).with(principals.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("\r\nWel mee eens;2;100;0;;0;0;2;50\r\n").contains("\r\nn;2;;0;;2;;4;\r\n");

        String token = apiToken(admin);
        MvcResult result = mvc.perform(get("/api/v1/reports/trimester").param("periode", "T1").param("jaar", "2026")
                        .param("pilot", String.valueOf(pilot))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn();
        JsonNode experiences = json.readTree(result.getResponse().getContentAsString()).get("experiences");
        assertThat(experiences.get("status").asString()).isEqualTo("SHOWN");
        assertThat(experiences.get("responses").get(3).asLong()).isEqualTo(6);
        JsonNode understand = experiences.get("t16").get(0);
        assertThat(understand.get("item").asString()).isEqualTo("understand");
        assertThat(understand.get("mean").get(3).asDouble()).isCloseTo(7.0, within(1e-9));
        assertThat(understand.get("sd").get(3).asDouble()).isCloseTo(2.9155, within(1e-4));
        assertThat(understand.get("n").get(3).asLong()).isEqualTo(5);
        assertThat(understand.get("belowSix").get(3).asLong()).isEqualTo(2);
        assertThat(understand.get("mean").get(1).isNull()).isTrue();
        JsonNode goal = experiences.get("tables").get(0);
        assertThat(goal.get("id").asString()).isEqualTo("doelbereik");
        assertThat(goal.get("counts").get(3).get(3).asLong()).isEqualTo(2);
        assertThat(goal.get("n").get(3).asLong()).isEqualTo(5);
    }

    @Test
    void theWorkbookHasAClientExperiencesSheet() throws Exception {
        long leader = data.projectLeader(pilot);
        byte[] body = mvc.perform(get("/rapportage/export.xlsx").param("periode", "T1").param("jaar", "2026")
                        .param("pilot", String.valueOf(pilot)).with(principals.as(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
                     new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(body))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet("Cliëntervaringen");
            assertThat(sheet).isNotNull();
            org.apache.poi.ss.usermodel.Row understand = null;
            org.apache.poi.ss.usermodel.Row goalTitle = null;
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                String first = row.getCell(0) == null ? "" : row.getCell(0).toString();
                if (first.startsWith("om uw/jouw situatie")) {
                    understand = row;
                }
                if (first.startsWith("T17 Doelrealisatie")) {
                    goalTitle = row;
                }
            }
            assertThat(understand).isNotNull();
            // Per column: mean, SD, n, below 6 — POH first, total last (columns 13..16).
            assertThat(understand.getCell(1).getNumericCellValue()).isCloseTo(23.0 / 3, within(1e-9));
            assertThat(understand.getCell(3).getNumericCellValue()).isEqualTo(3);
            assertThat(understand.getCell(13).getNumericCellValue()).isCloseTo(7.0, within(1e-9));
            assertThat(understand.getCell(14).getNumericCellValue()).isCloseTo(2.9155, within(1e-4));
            assertThat(understand.getCell(15).getNumericCellValue()).isEqualTo(5);
            assertThat(understand.getCell(16).getNumericCellValue()).isEqualTo(2);
            assertThat(goalTitle).isNotNull();
            // Title, header, then MINDER_GOED, HETZELFDE, DEEL_BEREIKT, BEREIKT: total count in column 7.
            assertThat(sheet.getRow(goalTitle.getRowNum() + 5).getCell(7).getNumericCellValue()).isEqualTo(2);
        }
    }

    /** The cells of the T16 row whose label contains {@code label}, as text. */
    private static java.util.List<String> cells(String table, String label) {
        int row = table.indexOf(label);
        String tr = table.substring(row, table.indexOf("</tr>", row));
        Matcher m = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(tr);
        java.util.List<String> cells = new java.util.ArrayList<>();
        while (m.find()) {
            cells.add(m.group(1).trim());
        }
        return cells;
    }

    private String apiToken(long userId) throws Exception {
        MvcResult created = mvc.perform(post("/account/tokens").with(principals.as(userId)).with(csrf())
                        .param("name", "t16 script"))
                .andExpect(redirectedUrl("/account/tokens")).andReturn();
        String page = mvc.perform(get("/account/tokens").with(principals.as(userId)).flashAttrs(created.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        Matcher matcher = Pattern.compile("value=\"(jbh_[A-Za-z0-9_-]{43})\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
