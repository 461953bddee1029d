package nl.jeugdhulp.registratie.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The questionnaire through the real security chain: an anonymous visitor with only the link, the
 * supporter's own page and the project leader's. Each test has its own pilot, supporters and sender
 * address (the rate limiter counts per address in memory for the whole test context).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class QuestionnaireWebTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]{43})\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    QuestionnaireLinks links;

    long pilot;
    TestData.Supporter ojg;
    String token;
    String address;

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        ojg = data.supporter(pilot, "OJG", practice);
        token = links.tokenFor(ojg.id());
        address = "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    /** An anonymous session: the form page, then its token and the session holding the CSRF token. */
    private record Opened(MockHttpSession session, String formToken, String csrf, String page) {
    }

    private Opened open(String version) throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(get("/v/" + token + "/" + version).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = FORM_TOKEN.matcher(page);
        assertThat(m.find()).as("form token in the page").isTrue();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("CSRF token of the anonymous session in the page").isTrue();
        return new Opened(session, m.group(1), csrf.group(1), page);
    }

    private MockHttpServletRequestBuilder send(Opened opened, String version, Map<String, String> answers) {
        // The CSRF token the page gave this anonymous session, as a browser sends it.
        MockHttpServletRequestBuilder request = post("/v/" + token + "/" + version).session(opened.session())
                .param("_csrf", opened.csrf()).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })
                .param("formToken", opened.formToken());
        answers.forEach(request::param);
        return request;
    }

    private long responses() {
        return jdbc.sql("SELECT count(*) FROM questionnaire_response WHERE supporter_id = :s").param("s", ojg.id())
                .query(Long.class).single();
    }

    @Test
    void theLinkOpensWithoutLoginAndBothVersionsNameTheFunction() throws Exception {
        String start = mvc.perform(get("/v/" + token)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(start).contains("Vragenlijst over de Ondersteuner Jeugd en Gezin (OJG)")
                .contains("href=\"/v/" + token + "/jongere\"").contains("href=\"/v/" + token + "/ouder\"")
                .doesNotContain(ojg.username());

        String youth = open("jongere").page();
        assertThat(youth).contains("Wat vind jij van de Ondersteuner Jeugd en Gezin (OJG)?")
                .contains("1. Hoeveel moeite deed hij/zij om jouw situatie, zorgen of problemen te begrijpen?")
                .contains("6. Als één van mijn vrienden problemen heeft, zou ik hem of haar aanraden om naar een Ondersteuner Jeugd en Gezin (OJG) te gaan.")
                .contains("Heb je nog opmerkingen of verbetertips?");
        String parent = open("ouder").page();
        assertThat(parent).contains("Wat vindt u van de Ondersteuner Jeugd en Gezin (OJG)?")
                .contains("6. Ik zou de Ondersteuner Jeugd en Gezin (OJG) bij vrienden en familie aanbevelen.")
                .contains("Heeft u nog opmerkingen of verbetertips?")
                .contains("name=\"_csrf\"");
        // Eleven choices 0..10 per 0-10 item, plus "no answer".
        assertThat(Pattern.compile("name=\"understand\"").matcher(parent).results().count()).isEqualTo(12);

        TestData.Supporter poh = data.supporter(pilot, "POH_JEUGD");
        assertThat(mvc.perform(get("/v/" + links.tokenFor(poh.id()) + "/ouder")).andReturn().getResponse()
                .getContentAsString()).contains("Wat vindt u van de Praktijkondersteuner Jeugd (POH Jeugd)?");
    }

    @Test
    void linksAreRandomTokensNotIds() {
        TestData.Supporter other = data.supporter(pilot, "OJG");
        String second = links.tokenFor(other.id());
        assertThat(token).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second).isNotEqualTo(String.valueOf(ojg.id()));
        assertThat(links.tokenFor(ojg.id())).as("stable per supporter").isEqualTo(token);
    }

    @Test
    void unknownLinksAndVersionsAreNotFound() throws Exception {
        mvc.perform(get("/v/" + "A".repeat(43))).andExpect(status().isNotFound());
        mvc.perform(get("/v/" + ojg.id())).andExpect(status().isNotFound());
        mvc.perform(get("/v/" + token + "/kind")).andExpect(status().isNotFound());
    }

    @Test
    void sendingStoresOneAnonymousResponseEvenWhenSentTwice() throws Exception {
        long audits = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        Opened form = open("ouder");
        Map<String, String> answers = Map.of("understand", "9", "listen", "10", "involve", "7",
                "goal", "  Beter slapen  ", "goalAttainment", "BEREIKT", "recommend", "HELEMAAL_EENS",
                "learned", "WEL_EENS", "confidence", "", "remarks", "Fijne gesprekken");
        mvc.perform(send(form, "ouder", answers)).andExpect(redirectedUrl("/v/" + token + "/ouder/bedankt"));
        // Double click, or back and send again: the same one-time form token.
        mvc.perform(send(form, "ouder", answers)).andExpect(redirectedUrl("/v/" + token + "/ouder/bedankt"));

        assertThat(responses()).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("SELECT * FROM questionnaire_response WHERE supporter_id = :s")
                .param("s", ojg.id()).query().singleRow();
        assertThat(row).containsEntry("pilot_id", pilot).containsEntry("function_type", "OJG")
                .containsEntry("source", "WEB").containsEntry("understand", 9)
                .containsEntry("listen", 10).containsEntry("involve", 7)
                .containsEntry("goal", "Beter slapen").containsEntry("goal_attainment", "BEREIKT")
                .containsEntry("recommend", "HELEMAAL_EENS").containsEntry("learned", "WEL_EENS")
                .containsEntry("confidence", null).containsEntry("remarks", "Fijne gesprekken");
        assertThat(row.get("response_date").toString()).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString());
        // Nothing about the sender: no address, browser, time of day or trajectory in the table ...
        List<String> columns = jdbc.sql("""
                        SELECT column_name FROM information_schema.columns
                         WHERE table_name = 'questionnaire_response' ORDER BY ordinal_position""")
                .query(String.class).list();
        assertThat(columns).containsExactly("id", "pilot_id", "function_type", "supporter_id", "response_date", "source",
                "form_token", "understand", "listen", "involve", "goal", "goal_attainment", "recommend", "learned",
                "confidence", "remarks");
        // ... and no audit record (it would hold the address).
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(audits);

        String thanks = mvc.perform(get("/v/" + token + "/ouder/bedankt")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(thanks).contains("Heel erg bedankt voor het invullen! Uw antwoorden zijn anoniem verstuurd.");
    }

    @Test
    void everyItemMayBeLeftEmpty() throws Exception {
        Opened form = open("jongere");
        mvc.perform(send(form, "jongere", Map.of("understand", "", "goalAttainment", "", "goal", "   ")))
                .andExpect(redirectedUrl("/v/" + token + "/jongere/bedankt"));
        Map<String, Object> row = jdbc.sql("""
                        SELECT understand, listen, involve, goal, goal_attainment, recommend, learned, confidence, remarks
                          FROM questionnaire_response WHERE supporter_id = :s""").param("s", ojg.id()).query().singleRow();
        assertThat(row.values()).containsOnlyNulls();
    }

    @Test
    void answersOffTheScaleAreRefusedWithDutchMessagesAndNothingIsStored() throws Exception {
        Opened form = open("ouder");
        String page = mvc.perform(send(form, "ouder", Map.of("understand", "11", "listen", "tien",
                        "goalAttainment", "PRIMA", "remarks", "Bewaard")))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Kies een getal van 0 tot en met 10.").contains("Vul een heel getal in.")
                .contains("Kies een van de antwoorden.").contains(">Bewaard</textarea>");
        // Each error is tied to its question for screen readers, and says "Fout:" in words.
        for (String item : List.of("understand", "listen", "goalAttainment")) {
            assertThat(page).contains("aria-describedby=\"" + item + "-fout\"")
                    .contains("id=\"" + item + "-fout\"><span class=\"error-prefix\">Fout:</span>");
        }
        assertThat(page).doesNotContain("aria-describedby=\"remarks-fout\"");
        assertThat(responses()).isZero();
    }

    @Test
    void aPostWithoutTheCsrfTokenOrFormTokenStoresNothing() throws Exception {
        Opened form = open("ouder");
        mvc.perform(post("/v/" + token + "/ouder").session(form.session()).param("formToken", form.formToken())
                .param("understand", "8")).andExpect(status().isForbidden());
        String page = mvc.perform(send(form, "ouder", Map.of("understand", "8", "formToken", "")))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Dit formulier is verlopen.");
        assertThat(responses()).isZero();
    }

    @Test
    void tooManySubmissionsFromOneAddressGetA429WithADutchPage() throws Exception {
        Opened form = open("ouder");
        // Invalid posts (no token) count too and store nothing; the 31st in the hour is refused.
        for (int i = 0; i < 30; i++) {
            mvc.perform(send(form, "ouder", Map.of("formToken", ""))).andExpect(status().isUnprocessableContent());
        }
        String page = mvc.perform(send(form, "ouder", Map.of()))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Even wachten").contains("Probeer het over een uur opnieuw.");
        assertThat(responses()).isZero();
        // Someone else (another address) can still send.
        address = "10.250.250.250";
        mvc.perform(send(open("ouder"), "ouder", Map.of("understand", "8")))
                .andExpect(redirectedUrl("/v/" + token + "/ouder/bedankt"));
        assertThat(responses()).isEqualTo(1);
    }

    @Test
    void theSupporterSeesTheirLinkCardAndOwnFiguresOnlyFromFiveResponses() throws Exception {
        for (int i = 0; i < 4; i++) {
            store(ojg, "WEB", 8, "BEREIKT", null);
        }
        String page = mvc.perform(get("/profiel/vragenlijst").with(principals.as(ojg.userId())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/v/" + token).contains("Ingevulde vragenlijsten tot nu toe: 4")
                .contains("De resultaten verschijnen vanaf 5 ingevulde vragenlijsten")
                .doesNotContain("Gemiddelde (SD)");

        store(ojg, "PAPER", 10, "MEER_BEREIKT", null);
        page = mvc.perform(get("/profiel/vragenlijst").with(principals.as(ojg.userId())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // understand 8, 8, 8, 8, 10 -> mean 8.4, SD sqrt(3.2/4) = 0.894 -> "8,4 (0,9)".
        assertThat(page).contains("Ingevulde vragenlijsten tot nu toe: 5").contains("8,4 (0,9)")
                .doesNotContain("De resultaten verschijnen vanaf");

        String card = mvc.perform(get("/profiel/vragenlijst/kaart").with(principals.as(ojg.userId())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(card).contains("src=\"/profiel/vragenlijst/qr.svg\"").contains("http://localhost/v/" + token)
                .contains("Ondersteuner Jeugd en Gezin (OJG)").contains("class=\"q-sheet\"");
        mvc.perform(get("/profiel/vragenlijst/qr.svg").with(principals.as(ojg.userId())))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("image/svg+xml")))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("<svg")));
        // Anonymous visitors do not get the staff pages.
        mvc.perform(get("/profiel/vragenlijst")).andExpect(status().is3xxRedirection());
    }

    @Test
    void paperFormsAreTypedInBySupporterOrOwnProjectLeaderOnly() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(get("/profiel/vragenlijst/papier/jongere").session(session).with(principals.as(ojg.userId())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Papieren vragenlijst invoeren voor praktijkondersteuner");
        Matcher m = FORM_TOKEN.matcher(page);
        assertThat(m.find()).isTrue();
        mvc.perform(post("/profiel/vragenlijst/papier/jongere").session(session).with(principals.as(ojg.userId()))
                        .with(csrf()).param("formToken", m.group(1)).param("understand", "6").param("learned", "NIET_EENS"))
                .andExpect(redirectedUrl("/profiel/vragenlijst"));

        long leader = data.projectLeader(pilot);
        String leaderForm = mvc.perform(get("/pilot/vragenlijst/" + ojg.id() + "/papier/ouder").with(principals.as(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher lm = FORM_TOKEN.matcher(leaderForm);
        assertThat(lm.find()).isTrue();
        mvc.perform(post("/pilot/vragenlijst/" + ojg.id() + "/papier/ouder").with(principals.as(leader)).with(csrf())
                        .param("formToken", lm.group(1)).param("involve", "9"))
                .andExpect(redirectedUrl("/pilot/vragenlijst"));

        assertThat(jdbc.sql("SELECT source || ':' || coalesce(understand, -1) || ':' || coalesce(involve, -1) FROM questionnaire_response WHERE supporter_id = :s ORDER BY id")
                .param("s", ojg.id()).query(String.class).list()).containsExactly("PAPER:6:-1", "PAPER:-1:9");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'QUESTIONNAIRE_PAPER_ENTERED' AND object_id = :s")
                .param("s", String.valueOf(ojg.id())).query(Long.class).single()).isEqualTo(2);

        long otherLeader = data.projectLeader(data.pilot());
        mvc.perform(get("/pilot/vragenlijst/" + ojg.id() + "/papier/ouder").with(principals.as(otherLeader)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/pilot/vragenlijst/" + ojg.id() + "/papier/ouder").with(principals.as(otherLeader)).with(csrf())
                        .param("formToken", QuestionnaireLinks.randomToken()).param("involve", "1"))
                .andExpect(status().isNotFound());
        assertThat(responses()).isEqualTo(2);
    }

    @Test
    void theProjectLeaderSeesFreeTextsOfOwnPilotsWithoutDates() throws Exception {
        store(ojg, "WEB", 9, "BEREIKT", "Heel fijn geholpen");
        store(ojg, "PAPER", 7, null, "Wachttijd was lang");
        long otherPilot = data.pilot();
        TestData.Supporter stranger = data.supporter(otherPilot, "POH_JEUGD");
        jdbc.sql("""
                        INSERT INTO questionnaire_response (pilot_id, function_type, supporter_id, response_date, source, form_token, remarks)
                        VALUES (:p, 'POH_JEUGD', :s, CURRENT_DATE, 'WEB', :t, 'Andere pilot')""")
                .param("p", otherPilot).param("s", stranger.id()).param("t", QuestionnaireLinks.randomToken()).update();

        long leader = data.projectLeader(pilot);
        String page = mvc.perform(get("/pilot/vragenlijst").with(principals.as(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<li>Heel fijn geholpen</li>").contains("<li>Wachttijd was lang</li>")
                .contains("<li>Doel van de test</li>").doesNotContain("Andere pilot")
                .doesNotContain(java.time.LocalDate.now().getYear() + "-");
        // Counts per supporter: one online, one on paper.
        assertThat(page.replaceAll("\\s+", " ")).containsPattern("<td class=\"text-end\">1</td> <td class=\"text-end\">1</td>");
        // The supporter cannot read the texts.
        mvc.perform(get("/pilot/vragenlijst").with(principals.as(ojg.userId()))).andExpect(status().isForbidden());
    }

    private void store(TestData.Supporter supporter, String source, Integer understand, String goal, String remarks) {
        jdbc.sql("""
                        INSERT INTO questionnaire_response (pilot_id, function_type, supporter_id, response_date, source,
                            form_token, understand, goal, goal_attainment, remarks)
                        VALUES (:p, 'OJG', :s, CURRENT_DATE, :src, :t, :u, :goal, :g, :r)""")
                .param("p", pilot).param("s", supporter.id()).param("src", source)
                .param("t", QuestionnaireLinks.randomToken()).param("u", understand)
                .param("goal", goal == null ? null : "Doel van de test").param("g", goal).param("r", remarks).update();
    }
}
