package nl.jeugdhulp.registratie.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SupporterAdminTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor admin;
    long pilot;
    long practice;

    @BeforeEach
    void administratorPilotAndPractice() {
        admin = principals.newUser(Role.BEHEERDER);
        pilot = data.pilot();
        practice = data.practice(pilot, data.municipality());
    }

    @Test
    void changedProfileSavedOnALaterDayAddsARowAndKeepsTheOlderOne() throws Exception {
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice); // profile valid from 2015-01-01

        mvc.perform(save(supporter, "9", 0, Map.of("practices[0].hours", "12,5")))
                .andExpect(redirectedUrl("/beheer/ondersteuners"));

        assertThat(jdbc.sql("SELECT valid_from || '/' || experience_years FROM supporter_profile WHERE supporter_id = :s ORDER BY valid_from")
                .param("s", supporter.id()).query(String.class).list())
                .containsExactly("2015-01-01/8", TODAY + "/9");
        assertThat(jdbc.sql("SELECT hours_per_week FROM supporter_practice WHERE supporter_id = :s").param("s", supporter.id())
                .query(BigDecimal.class).single()).isEqualByComparingTo("12.5");
        assertThat(audit(supporter.id())).containsExactly("U/SUPPORTER_UPDATED/" + pilot);
    }

    @Test
    void secondChangeOnTheSameDayUpdatesTodaysRow() throws Exception {
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        mvc.perform(save(supporter, "9", 0)).andExpect(redirectedUrl("/beheer/ondersteuners"));

        mvc.perform(save(supporter, "10", 0)).andExpect(redirectedUrl("/beheer/ondersteuners"));

        assertThat(jdbc.sql("SELECT valid_from || '/' || experience_years || '/' || version FROM supporter_profile WHERE supporter_id = :s ORDER BY valid_from")
                .param("s", supporter.id()).query(String.class).list())
                .containsExactly("2015-01-01/8/0", TODAY + "/10/1");
    }

    @Test
    void unchangedProfileAddsNoRow() throws Exception {
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);

        mvc.perform(save(supporter, "8", 0)).andExpect(redirectedUrl("/beheer/ondersteuners"));

        assertThat(profileRows(supporter.id())).isEqualTo(1);
    }

    @Test
    void staleProfileIsRefusedAndNothingSaved() throws Exception {
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        jdbc.sql("UPDATE supporter_profile SET version = 3 WHERE supporter_id = :s").param("s", supporter.id()).update();

        mvc.perform(save(supporter, "9", 0))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Iemand anders heeft dit intussen gewijzigd")));

        assertThat(profileRows(supporter.id())).isEqualTo(1);
    }

    @Test
    void otherEducationNeedsItsTextAndANameIsNoCode() throws Exception {
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);

        mvc.perform(save(supporter, "9", 0, Map.of("profile.education", "ANDERS", "code", "Jansen")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "profile.educationOther", "admin.profile.other.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "code", "Pattern"))
                .andExpect(content().string(containsString("Vul in wat u bedoelt met anders.")));

        assertThat(profileRows(supporter.id())).isEqualTo(1);
    }

    @Test
    void administratorCreatesASupporterWithProfileAndPractice() throws Exception {
        String code = "T" + (System.nanoTime() % 1_000_000_000L);

        mvc.perform(post("/beheer/ondersteuners/nieuw").with(admin).with(csrf())
                        .param("code", code.toLowerCase()).param("pilotId", String.valueOf(pilot))
                        .param("profile.functionType", "OJG").param("profile.age", "41").param("profile.gender", "V")
                        .param("profile.education", "HBO").param("profile.profession", "ANDERS")
                        .param("profile.professionOther", "Gezinscoach").param("profile.hoursGpPractice", "16")
                        .param("profile.usesHis", "true")
                        .param("practices[0].practiceId", String.valueOf(practice))
                        .param("practices[0].selected", "true").param("practices[0].hours", "16"))
                .andExpect(redirectedUrl("/beheer/ondersteuners"));

        long id = jdbc.sql("SELECT id FROM supporter WHERE code = :c").param("c", code).query(Long.class).single();
        assertThat(jdbc.sql("""
                        SELECT function_type || '/' || age || '/' || profession_other || '/' || hours_gp_practice || '/' || uses_his
                          FROM supporter_profile WHERE supporter_id = :s AND valid_from = :today""")
                .param("s", id).param("today", TODAY).query(String.class).single())
                .isEqualTo("OJG/41/Gezinscoach/16.0/true");
        mvc.perform(get("/beheer/ondersteuners").with(admin)).andExpect(content().string(containsString(code)));
        assertThat(audit(id)).containsExactly("C/SUPPORTER_CREATED/" + pilot);
    }

    private java.util.List<String> audit(long supporterId) {
        return jdbc.sql("SELECT action || '/' || event_type || '/' || pilot_id FROM audit_event WHERE object_type = 'SUPPORTER' AND object_id = :id ORDER BY id")
                .param("id", String.valueOf(supporterId)).query(String.class).list();
    }

    @Test
    void practiceOfAnotherPilotIsRefused() throws Exception {
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        long otherPractice = data.practice(data.pilot(), data.municipality());

        mvc.perform(save(supporter, "9", 0,
                        Map.of("practices[1].practiceId", String.valueOf(otherPractice), "practices[1].selected", "true")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "practices[1].selected", "admin.supporter.practice.otherPilot"));
    }

    /** WCAG 3.3.1: an error in a practice row is linked from the summary to its own input, which points back to it. */
    @Test
    void errorsInPracticeRowsAreLinkedToTheirInputs() throws Exception {
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        long otherPractice = data.practice(data.pilot(), data.municipality());

        String html = mvc.perform(save(supporter, "9", 0, Map.of("practices[0].hours", "veel",
                        "practices[1].practiceId", String.valueOf(otherPractice), "practices[1].selected", "true")))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("href=\"#practices[0]_hours\"").contains("href=\"#practices[1]_selected\"");
        for (String id : new String[] {"practices[0]_hours", "practices[1]_selected"}) {
            String input = inputTag(html, id);
            assertThat(input).as(id).contains("aria-invalid=\"true\"").contains("aria-describedby=\"" + id + "-fout\"");
            assertThat(html).as(id).containsPattern("id=\"" + java.util.regex.Pattern.quote(id) + "-fout\"><span class=\"error-prefix\">Fout:</span>");
        }
        assertThat(html).as("the checkbox's label").contains("for=\"practices[1]_selected\"");
        assertThat(inputTag(html, "practices[0]_hours")).as("the hours field is named with its practice")
                .containsPattern("aria-label=\"Uren per week – [^\"]+\"");
        assertThat(inputTag(html, "practices[0]_selected")).contains("aria-invalid=\"false\"").doesNotContain("aria-describedby");
    }

    private static String inputTag(String html, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<input[^>]*\\bid=\"" + java.util.regex.Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(m.find()).as("an input with id " + id).isTrue();
        return m.group();
    }

    private MockHttpServletRequestBuilder save(TestData.Supporter supporter, String experience, int profileVersion) {
        return save(supporter, experience, profileVersion, Map.of());
    }

    /** A full save of the supporter's form; {@code changes} replace or add single fields. */
    private MockHttpServletRequestBuilder save(TestData.Supporter supporter, String experience, int profileVersion,
                                               Map<String, String> changes) {
        Supporters.Supporter row = jdbc.sql("SELECT id, code, pilot_id, user_id, version FROM supporter WHERE id = :id")
                .param("id", supporter.id()).query(Supporters.Supporter.class).single();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", row.code());
        fields.put("pilotId", String.valueOf(pilot));
        fields.put("userId", String.valueOf(supporter.userId()));
        fields.put("version", String.valueOf(row.version()));
        fields.put("profile.functionType", "POH_JEUGD");
        fields.put("profile.education", "WO");
        fields.put("profile.experienceYears", experience);
        fields.put("profile.profileVersion", String.valueOf(profileVersion));
        fields.put("practices[0].practiceId", String.valueOf(practice));
        fields.put("practices[0].selected", "true");
        fields.putAll(changes);
        MockHttpServletRequestBuilder request = post("/beheer/ondersteuners/" + supporter.id()).with(admin).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private int profileRows(long supporterId) {
        return jdbc.sql("SELECT count(*) FROM supporter_profile WHERE supporter_id = :s").param("s", supporterId)
                .query(Integer.class).single();
    }
}
