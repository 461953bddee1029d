package nl.jeugdhulp.registratie.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report API through the real filter chains: a token made on the profile page, the numbers of a
 * tiny data set, and everything a token must not do. Each test counts only its own pilot.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportApiTest {

    private static final String URL = "/api/v1/reports/trimester";
    private static final Pattern TOKEN = Pattern.compile("value=\"(jbh_[A-Za-z0-9_-]{43})\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    /** A pilot with one POH Jeugd and three trajectories closed in T1 2025: two self-completed, one referred. */
    private record Pilot(long id, long practice, TestData.Supporter supporter) {
    }

    private Pilot pilotWithThreeClosedTrajectories() {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        close(data.trajectory(supporter, practice, LocalDate.of(2025, 2, 3)), LocalDate.of(2025, 3, 3), "ZELF_AFGEROND");
        close(data.trajectory(supporter, practice, LocalDate.of(2025, 2, 10)), LocalDate.of(2025, 4, 1), "ZELF_AFGEROND");
        close(data.trajectory(supporter, practice, LocalDate.of(2025, 3, 1)), LocalDate.of(2025, 3, 20), "VERWEZEN");
        return new Pilot(pilot, practice, supporter);
    }

    private void close(long trajectory, LocalDate end, String outcome) {
        boolean referred = "VERWEZEN".equals(outcome);
        jdbc.sql("""
                        UPDATE trajectory SET end_date = :end, outcome = :outcome,
                               referral_moment = CASE WHEN :referred THEN 'NA_VRAAGVERHELDERING' END,
                               referral_destinations = CASE WHEN :referred THEN ARRAY['SGGZ']::VARCHAR(20)[] END
                         WHERE id = :id""")
                .param("end", end).param("outcome", outcome).param("referred", referred).param("id", trajectory).update();
    }

    /** Makes a token the way a user does: on the token page, reading it from the page shown once. */
    private String tokenFor(long userId) throws Exception {
        MvcResult created = mvc.perform(post("/account/tokens").with(principals.as(userId)).with(csrf())
                        .param("name", "test script"))
                .andExpect(redirectedUrl("/account/tokens")).andReturn();
        String page = mvc.perform(get("/account/tokens").with(principals.as(userId)).flashAttrs(created.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        Matcher matcher = TOKEN.matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static MockHttpServletRequestBuilder api(String token) {
        return get(URL).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON);
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static JsonNode table(JsonNode report, String section, String id, String breakdown) {
        for (JsonNode table : report.get(section)) {
            if (table.get("id").asString().equals(id) && table.get("breakdown").get("code").asString().equals(breakdown)) {
                return table;
            }
        }
        throw new AssertionError("no table " + id + " by " + breakdown);
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.isNull() ? null : v.asLong()));
        return values;
    }

    @Test
    void aTokenFromTheProfilePageReturnsTheReportWithCountsNAndMissing() throws Exception {
        Pilot pilot = pilotWithThreeClosedTrajectories();
        long admin = data.user(nl.jeugdhulp.registratie.account.Role.BEHEERDER);
        String token = tokenFor(admin);

        MvcResult result = mvc.perform(api(token).param("jaar", "2025").param("periode", "T1")
                        .param("pilot", String.valueOf(pilot.id())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.period.from").value("2025-01-01"))
                .andExpect(jsonPath("$.period.to").value("2025-04-30"))
                .andExpect(jsonPath("$.filters.periode").value("T1"))
                .andExpect(jsonPath("$.filters.pilot").value(pilot.id()))
                .andReturn();
        JsonNode report = body(result);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/api-example.json"), result.getResponse().getContentAsString());

        JsonNode outcome = table(report, "process", "afronding", "FUNCTION_TYPE");
        assertThat(outcome.get("title").asString()).isEqualTo("Tabel 6. Wijze van afronding");
        assertThat(outcome.get("population").get("code").asString()).isEqualTo("CLOSED");
        assertThat(outcome.get("multiAnswer").asBoolean()).isFalse();
        assertThat(outcome.get("columns").findValuesAsString("code")).containsExactly("POH_JEUGD", "SOH_JGGZ", "OJG", "TOTAL");
        assertThat(outcome.get("rows").findValuesAsString("code")).containsExactly("ZELF_AFGEROND", "VERWEZEN", "ANDERS");
        assertThat(outcome.get("rows").get(1).get("label").asString()).isEqualTo("Verwezen");
        assertThat(longs(outcome.get("counts").get(0))).containsExactly(2L, 0L, 0L, 2L);
        assertThat(longs(outcome.get("counts").get(1))).containsExactly(1L, 0L, 0L, 1L);
        assertThat(longs(outcome.get("counts").get(2))).containsExactly(0L, 0L, 0L, 0L);
        assertThat(longs(outcome.get("n"))).containsExactly(3L, 0L, 0L, 3L);
        assertThat(longs(outcome.get("missing"))).containsExactly(0L, 0L, 0L, 0L);
        assertThat(longs(outcome.get("percentages").get(0))).containsExactly(67L, null, null, 67L);
        assertThat(outcome.has("test")).isTrue();
        assertThat(outcome.get("test").isNull()).as("one group with data: nothing to test").isTrue();

        JsonNode gender = table(report, "intake", "geslacht", "FUNCTION_TYPE");
        assertThat(longs(gender.get("counts").get(1))).containsExactly(3L, 0L, 0L, 3L);
        assertThat(table(report, "process", "verwijzing", "EDUCATION").get("multiAnswer").asBoolean()).isTrue();
        assertThat(longs(table(report, "process", "verwijzing", "EDUCATION").get("n"))).containsExactly(0L, 1L, 0L, 1L);
        assertThat(report.get("openAtEnd").asLong()).isZero();
        assertThat(report.get("waiting").get("started").asLong()).isEqualTo(3);
        assertThat(report.get("distributions").get("contacten").get("1").asLong()).isEqualTo(3);
        assertThat(report.get("trajectoryTypes").get("population").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(report.get("supporters").findValuesAsString("functionType")).contains("POH_JEUGD", "TOTAL");

        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_token WHERE user_id = :u").param("u", admin)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("""
                        SELECT action || '/' || outcome || '/' || details FROM audit_event
                         WHERE event_type = 'REPORT_API' AND user_id = :u""")
                .param("u", admin).query(String.class).list()).containsExactly("R/SUCCESS/2025-01-01..2025-04-30");
    }

    @Test
    void aTestIsReportedWhenTwoGroupsHaveData() throws Exception {
        Pilot pilot = pilotWithThreeClosedTrajectories();
        TestData.Supporter other = data.supporter(pilot.id(), "OJG", pilot.practice());
        close(data.trajectory(other, pilot.practice(), LocalDate.of(2025, 2, 3)), LocalDate.of(2025, 3, 3), "VERWEZEN");
        String token = tokenFor(data.projectLeader(pilot.id()));

        JsonNode outcome = table(body(mvc.perform(api(token).param("jaar", "2025").param("periode", "T1"))
                .andExpect(status().isOk()).andReturn()), "process", "afronding", "FUNCTION_TYPE");

        assertThat(longs(outcome.get("n"))).containsExactly(3L, 0L, 1L, 4L);
        JsonNode test = outcome.get("test");
        assertThat(test.get("method").asString()).isEqualTo("MONTE_CARLO");
        assertThat(test.get("df").asInt()).isEqualTo(1);
        assertThat(test.get("pValue").asDouble()).isBetween(0.0, 1.0);
        assertThat(test.get("permutations").asInt()).isPositive();
        assertThat(test.get("smallSample").asBoolean()).isTrue();
        assertThat(test.get("statistic").isNumber()).isTrue();
    }

    @Test
    void noWrongOrRevokedTokenAnswers401WithAJsonErrorAndRejectionsAreAudited() throws Exception {
        long admin = data.user(nl.jeugdhulp.registratie.account.Role.BEHEERDER);
        String token = tokenFor(admin);

        mvc.perform(get(URL))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"jeugdhulp-registratie\""))
                .andExpect(jsonPath("$.error").isString());
        mvc.perform(get(URL).header(HttpHeaders.AUTHORIZATION, "Basic YWRtaW46YWRtaW4="))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").isString());
        String wrong = "jbh_" + "A".repeat(43);
        mvc.perform(api(wrong))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("De API-sleutel is onbekend, ingetrokken of hoort bij een geblokkeerd account."));
        mvc.perform(api(token)).andExpect(status().isOk());

        long tokenId = jdbc.sql("SELECT id FROM api_token WHERE user_id = :u").param("u", admin).query(Long.class).single();
        mvc.perform(post("/account/tokens/" + tokenId + "/intrekken").with(principals.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));
        MvcResult revoked = mvc.perform(api(token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").isString())
                .andReturn();
        assertThat(revoked.getResponse().getContentAsString()).doesNotContain("Exception").doesNotContain("at nl.");

        assertThat(jdbc.sql("""
                        SELECT action || '/' || outcome || '/' || details FROM audit_event
                         WHERE event_type = 'API_TOKEN_REJECTED' AND object_id = :id""")
                .param("id", String.valueOf(tokenId)).query(String.class).list())
                .containsExactly("E/FAILURE/REVOKED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'API_TOKEN_REJECTED' AND object_id IS NULL AND details = 'UNKNOWN'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event
                         WHERE coalesce(details, '') LIKE '%jbh_%' OR coalesce(object_id, '') LIKE '%jbh_%'""")
                .query(Long.class).single()).as("no token in the audit log").isZero();
    }

    @Test
    void aBlockedUsersTokenNoLongerWorks() throws Exception {
        long admin = data.user(nl.jeugdhulp.registratie.account.Role.BEHEERDER);
        String token = tokenFor(admin);
        jdbc.sql("UPDATE app_user SET enabled = FALSE, version = version + 1 WHERE id = :id").param("id", admin).update();

        mvc.perform(api(token)).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").isString());
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE event_type = 'API_TOKEN_REJECTED' AND user_id = :u")
                .param("u", admin).query(String.class).list()).containsExactly("USER_DISABLED");
    }

    @Test
    void aTokenNeverGrantsMoreThanItsUsersRole() throws Exception {
        long pilot = data.pilot();
        long leader = data.projectLeader(pilot);
        String token = tokenFor(leader);
        mvc.perform(api(token).param("jaar", "2025")).andExpect(status().isOk());

        // The administrator makes the project leader a municipal user: the same token now answers 403.
        jdbc.sql("UPDATE app_user SET role = 'GEMEENTE', version = version + 1 WHERE id = :id").param("id", leader).update();
        mvc.perform(api(token).param("jaar", "2025"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("Uw account heeft geen toegang tot dit deel van de API."));
        assertThat(jdbc.sql("SELECT outcome FROM audit_event WHERE event_type = 'API_ACCESS_DENIED' AND user_id = :u")
                .param("u", leader).query(String.class).list()).containsExactly("DENIED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'REPORT_API' AND user_id = :u")
                .param("u", leader).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aTokenOfAMunicipalUserAnswers403() throws Exception {
        long municipal = data.user(nl.jeugdhulp.registratie.account.Role.GEMEENTE);
        // The token page refuses this role, so the token is put in the database directly.
        String token = "jbh_" + TestData.unique("gemeente").replace(' ', '_') + "x".repeat(20);
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash) VALUES (:u, 'direct', encode(sha256(convert_to(:t, 'UTF8')), 'hex'))")
                .param("u", municipal).param("t", token).update();

        mvc.perform(api(token)).andExpect(status().isForbidden()).andExpect(jsonPath("$.error").isString());
        mvc.perform(get("/api/v1/anders").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isForbidden());
    }

    @Test
    void aProjectLeaderSeesOnlyTheirOwnPilot() throws Exception {
        Pilot own = pilotWithThreeClosedTrajectories();
        Pilot foreign = pilotWithThreeClosedTrajectories();
        String token = tokenFor(data.projectLeader(own.id()));

        mvc.perform(api(token).param("jaar", "2025").param("periode", "T1").param("pilot", String.valueOf(foreign.id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("pilot"))
                .andExpect(jsonPath("$.errors[0].message").value("Deze keuze bestaat niet of valt buiten wat u mag zien."));
        mvc.perform(api(token).param("jaar", "2025").param("periode", "T1").param("praktijk", String.valueOf(foreign.practice())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("praktijk"));
        mvc.perform(api(token).param("jaar", "2025").param("periode", "T1").param("ondersteuner", String.valueOf(foreign.supporter().id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ondersteuner"));

        JsonNode outcome = table(body(mvc.perform(api(token).param("jaar", "2025").param("periode", "T1"))
                .andExpect(status().isOk()).andReturn()), "process", "afronding", "FUNCTION_TYPE");
        assertThat(longs(outcome.get("n"))).as("only the leader's own pilot").containsExactly(3L, 0L, 0L, 3L);
    }

    @Test
    void thePageRefusesTheSameForeignChoiceAsTheApi() throws Exception {
        long own = data.pilot();
        long foreign = data.pilot();
        long leader = data.projectLeader(own);

        mvc.perform(get("/rapportage").with(principals.as(leader)).param("jaar", "2025").param("pilot", String.valueOf(foreign)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Deze keuze bestaat niet of valt buiten wat u mag zien.")));
        mvc.perform(get("/rapportage").with(principals.as(leader)).param("jaar", "2025").param("pilot", String.valueOf(own)))
                .andExpect(status().isOk());
    }

    @Test
    void badFiltersAnswer400WithEveryFieldInDutch() throws Exception {
        String token = tokenFor(data.user(nl.jeugdhulp.registratie.account.Role.BEHEERDER));

        mvc.perform(api(token).param("periode", "EIGEN").param("van", "2025-05-01").param("tot", "2025-04-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tot"))
                .andExpect(jsonPath("$.errors[0].message").value("De einddatum ligt voor de begindatum."));
        mvc.perform(api(token).param("periode", "EIGEN").param("van", "1-5-2025").param("jaar", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'van')].message").value("Vul een datum in als jjjj-mm-dd."))
                .andExpect(jsonPath("$.errors[?(@.field == 'jaar')].message").value("Vul een heel getal in."));
        mvc.perform(api(token).param("periode", "T4").param("functie", "ARTS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(api(token).param("periode", "EIGEN").param("van", "2025-01-01").param("tot", "2025-01-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filters.van").value("2025-01-01"))
                .andExpect(jsonPath("$.period.to").value("2025-01-31"));
    }

    @Test
    void theApiKeepsNoSessionAndASessionDoesNotOpenTheApi() throws Exception {
        long leader = data.projectLeader(data.pilot());
        String token = tokenFor(leader);

        MvcResult result = mvc.perform(api(token).param("jaar", "2025")).andExpect(status().isOk()).andReturn();
        assertThat(result.getRequest().getSession(false)).as("no session for a token request").isNull();
        assertThat(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).noneMatch(c -> c.contains("JSESSIONID"));

        // A logged-in browser session does not authenticate the API: without a token there is no CSRF risk.
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(data.username(leader)).password(TestData.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
        mvc.perform(get(URL).session(session).param("jaar", "2025")).andExpect(status().isUnauthorized());
        // ... and the form-login chain still serves the report page.
        mvc.perform(get("/rapportage").session(session).param("jaar", "2025")).andExpect(status().isOk());
        mvc.perform(get("/rapportage")).andExpect(redirectedUrl("/login"));
        // A token is no key to the pages.
        mvc.perform(get("/rapportage").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(redirectedUrl("/login"));
    }
}
