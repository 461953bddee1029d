package nl.jeugdhulp.registratie.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.account.Role;
import nl.jeugdhulp.registratie.audit.ChangeHistory.Event;
import nl.jeugdhulp.registratie.audit.ChangeHistory.ShownChange;
import nl.jeugdhulp.registratie.audit.ChangeHistory.ShownRevision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The change history of a supporter profile: on /profiel/geschiedenis and /beheer/ondersteuners/{id}/geschiedenis. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ProfileHistoryTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @SuppressWarnings("unchecked")
    static List<ShownRevision> revisions(MvcResult result) {
        return (List<ShownRevision>) result.getModelAndView().getModel().get("revisions");
    }

    @Test
    void profileChangesAreShownWithOldAndNewValuesToTheSupporterAndTheAdministrator() throws Exception {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        // TestData's profile: POH Jeugd, education WO, 8 years of experience.
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        RequestPostProcessor me = principals.as(supporter.userId());

        mvc.perform(post("/profiel").with(me).with(csrf())
                        .param("functionType", "POH_JEUGD").param("education", "WO_PLUS").param("experienceYears", "12")
                        .param("hoursGpPractice", "20,5").param("usesZorgmail", "true").param("profileVersion", "0"))
                .andExpect(redirectedUrl("/profiel"));
        // A second change the same day updates today's row; the history compares with that row.
        mvc.perform(post("/profiel").with(me).with(csrf())
                        .param("functionType", "POH_JEUGD").param("education", "WO_PLUS").param("experienceYears", "13")
                        .param("hoursGpPractice", "20,5").param("usesZorgmail", "false").param("profileVersion", "0"))
                .andExpect(redirectedUrl("/profiel"));

        MvcResult own = mvc.perform(get("/profiel/geschiedenis").with(me)).andExpect(status().isOk()).andReturn();
        List<ShownRevision> revisions = revisions(own);
        assertThat(revisions).extracting(ShownRevision::event).containsExactly(Event.PROFILE_SAVED, Event.PROFILE_SAVED);
        assertThat(revisions).extracting(ShownRevision::username).containsOnly(supporter.username());
        assertThat(revisions.get(0).changes()).containsExactly(
                new ShownChange("Aantal jaren werkervaring jeugd-GGZ/KJP", "12", "13"),
                new ShownChange("Gebruik van Zorgmail", "Ja", "Nee"));
        assertThat(revisions.get(1).changes()).containsExactly(
                new ShownChange("Achtergrond opleiding", "WO",
                        "WO+ (GZ-psycholoog, orthopedagoog-generalist, psychotherapeut, klinisch psycholoog)"),
                new ShownChange("Aantal jaren werkervaring jeugd-GGZ/KJP", "8", "12"),
                new ShownChange("Uren per week in huisartsenpraktijk(en)", null, "20,5"),
                new ShownChange("Gebruik van Zorgmail", null, "Ja"));
        assertThat(own.getResponse().getContentAsString())
                .contains("door Praktijkondersteuner " + supporter.username(), "20,5", "Profiel opgeslagen");
        mvc.perform(get("/profiel").with(me)).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("href=\"/profiel/geschiedenis\""));

        // The administrator sees the same on the supporter's admin page; the supporter cannot go there.
        RequestPostProcessor admin = principals.as(data.user(Role.BEHEERDER));
        MvcResult adminPage = mvc.perform(get("/beheer/ondersteuners/" + supporter.id() + "/geschiedenis").with(admin))
                .andExpect(status().isOk()).andReturn();
        assertThat(revisions(adminPage)).isEqualTo(revisions);
        mvc.perform(get("/beheer/ondersteuners/" + supporter.id()).with(admin))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("href=\"/beheer/ondersteuners/" + supporter.id() + "/geschiedenis\""));
        mvc.perform(get("/beheer/ondersteuners/987654321/geschiedenis").with(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/beheer/ondersteuners/" + supporter.id() + "/geschiedenis").with(me))
                .andExpect(status().isForbidden());

        // Another supporter's own history page shows only their own (empty) history.
        TestData.Supporter colleague = data.supporter(pilot, "OJG", practice);
        assertThat(revisions(mvc.perform(get("/profiel/geschiedenis").with(principals.as(colleague.userId())))
                .andExpect(status().isOk()).andReturn())).isEmpty();
        assertThat(jdbc.sql("SELECT role FROM audit_event WHERE event_type = 'PROFILE_HISTORY_VIEWED' AND object_id = :id ORDER BY id")
                .param("id", String.valueOf(supporter.id())).query(String.class).list())
                .containsExactly("PRAKTIJKONDERSTEUNER", "BEHEERDER");
    }

    @Test
    void anAdministratorsChangeIsRecordedAsTheAdministrators() throws Exception {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        TestData.Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        long adminId = data.user(Role.BEHEERDER);
        String code = jdbc.sql("SELECT code FROM supporter WHERE id = :id").param("id", supporter.id()).query(String.class).single();

        mvc.perform(post("/beheer/ondersteuners/" + supporter.id()).with(principals.as(adminId)).with(csrf())
                        .param("code", code).param("pilotId", String.valueOf(pilot))
                        .param("userId", String.valueOf(supporter.userId())).param("version", "0")
                        .param("practices[0].practiceId", String.valueOf(practice)).param("practices[0].selected", "true")
                        .param("practices[0].hours", "8")
                        .param("profile.functionType", "OJG").param("profile.education", "WO")
                        .param("profile.experienceYears", "8").param("profile.profileVersion", "0"))
                .andExpect(redirectedUrl("/beheer/ondersteuners"));

        List<ShownRevision> revisions = revisions(mvc.perform(get("/profiel/geschiedenis")
                .with(principals.as(supporter.userId()))).andExpect(status().isOk()).andReturn());
        assertThat(revisions).hasSize(1);
        assertThat(revisions.get(0).username()).isEqualTo(data.username(adminId));
        assertThat(revisions.get(0).role()).isEqualTo("BEHEERDER");
        assertThat(revisions.get(0).changes()).containsExactly(new ShownChange("Functie",
                "POH Jeugd (Praktijkondersteuner Huisartsen Jeugd)", "OJG (Ondersteuner Jeugd en Gezin)"));
    }
}
