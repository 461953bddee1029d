package nl.jeugdhulp.registratie.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OwnProfileTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @Test
    void supporterSeesAndSavesOwnProfileButCannotReachAdministration() throws Exception {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        TestData.Supporter supporter = data.supporter(pilot, "SOH_JGGZ", practice);
        String practiceName = jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", practice).query(String.class).single();
        RequestPostProcessor me = principals.as(supporter.userId());

        mvc.perform(get("/profiel").with(me))
                .andExpect(content().string(containsString("href=\"/account/tokens\"")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(practiceName)))
                .andExpect(content().string(containsString("<option value=\"SOH_JGGZ\" selected=\"selected\"")));

        mvc.perform(post("/profiel").with(me).with(csrf())
                        .param("functionType", "SOH_JGGZ").param("education", "WO_PLUS").param("experienceYears", "12")
                        .param("hoursGpPractice", "20,5").param("usesZorgmail", "true").param("profileVersion", "0"))
                .andExpect(redirectedUrl("/profiel"))
                .andExpect(flash().attribute("message", "profile.saved"));

        assertThat(jdbc.sql("""
                        SELECT education || '/' || experience_years || '/' || hours_gp_practice || '/' || uses_zorgmail
                          FROM supporter_profile WHERE supporter_id = :s AND valid_from = :today""")
                .param("s", supporter.id()).param("today", LocalDate.now(ZoneId.of("Europe/Amsterdam")))
                .query(String.class).single()).isEqualTo("WO_PLUS/12/20.5/true");
        assertThat(jdbc.sql("SELECT count(*) FROM supporter_profile WHERE supporter_id = :s").param("s", supporter.id())
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE event_type = 'PROFILE_CHANGED' AND object_id = :id")
                .param("id", String.valueOf(supporter.id())).query(String.class).single()).isEqualTo("U");

        mvc.perform(get("/beheer").with(me)).andExpect(status().isForbidden());
        mvc.perform(get("/beheer/ondersteuners/" + supporter.id()).with(me)).andExpect(status().isForbidden());
    }

    @Test
    void invalidOwnProfileKeepsInputAndShowsErrors() throws Exception {
        long pilot = data.pilot();
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD");

        mvc.perform(post("/profiel").with(principals.as(supporter.userId())).with(csrf())
                        .param("functionType", "POH_JEUGD").param("age", "17").param("hoursGpPractice", "8,55")
                        .param("secondingOrganisation", "Jeugdzorg Noord").param("profileVersion", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "age", "Min"))
                .andExpect(model().attributeHasFieldErrorCode("form", "hoursGpPractice", "Digits"))
                .andExpect(content().string(containsString("value=\"Jeugdzorg Noord\"")));
    }

    @Test
    void supporterAccountWithoutProfileGets404() throws Exception {
        mvc.perform(get("/profiel").with(principals.newUser(Role.PRAKTIJKONDERSTEUNER))).andExpect(status().isNotFound());
    }
}
