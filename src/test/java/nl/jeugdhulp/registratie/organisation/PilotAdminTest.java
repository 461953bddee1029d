package nl.jeugdhulp.registratie.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PilotAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor admin;

    @BeforeEach
    void administrator() {
        admin = principals.newUser(Role.BEHEERDER);
    }

    @Test
    void pilotIsCreatedWithItsMunicipalitiesAndEditedToOtherOnes() throws Exception {
        long first = data.municipality();
        long second = data.municipality();
        String name = TestData.unique("Pilot ");

        mvc.perform(post("/beheer/pilots/nieuw").with(admin).with(csrf()).param("name", name)
                        .param("organisation", "Jeugd-GGZ Gooi").param("startDate", "2019-09-01").param("endDate", "2021-08-31")
                        .param("municipalityIds", String.valueOf(first), String.valueOf(second)))
                .andExpect(redirectedUrl("/beheer/pilots"));
        long id = jdbc.sql("SELECT id FROM pilot WHERE name = :n").param("n", name).query(Long.class).single();
        assertThat(municipalities(id)).containsExactlyInAnyOrder(first, second);
        mvc.perform(get("/beheer/pilots/" + id).with(admin))
                .andExpect(content().string(containsString("value=\"2019-09-01\"")))
                .andExpect(content().string(matchesRegex("(?s).*value=\"" + first + "\"[^>]*checked=\"checked\".*")))
                .andExpect(content().string(not(containsString("type=\"radio\""))));

        mvc.perform(post("/beheer/pilots/" + id).with(admin).with(csrf()).param("name", name).param("version", "0")
                        .param("municipalityIds", String.valueOf(second)))
                .andExpect(redirectedUrl("/beheer/pilots"));
        assertThat(municipalities(id)).containsExactly(second);
        assertThat(jdbc.sql("SELECT coalesce(organisation, '-') || '/' || version FROM pilot WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("-/1");
        mvc.perform(get("/beheer/pilots").with(admin)).andExpect(content().string(containsString(name)));
        assertThat(jdbc.sql("SELECT action || '/' || event_type || '/' || pilot_id FROM audit_event WHERE object_type = 'PILOT' AND object_id = :id ORDER BY id")
                .param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("C/PILOT_CREATED/" + id, "U/PILOT_UPDATED/" + id);
    }

    @Test
    void endDateBeforeStartAndDuplicateNameAreFieldErrors() throws Exception {
        long existing = data.pilot();
        String taken = jdbc.sql("SELECT name FROM pilot WHERE id = :id").param("id", existing).query(String.class).single();

        mvc.perform(post("/beheer/pilots/nieuw").with(admin).with(csrf()).param("name", TestData.unique("Pilot "))
                        .param("startDate", "2021-01-01").param("endDate", "2020-12-31"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "endDate", "admin.pilot.endDate.beforeStart"));
        mvc.perform(post("/beheer/pilots/nieuw").with(admin).with(csrf()).param("name", taken))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "admin.pilot.name.duplicate"));
    }

    private java.util.List<Long> municipalities(long pilot) {
        return jdbc.sql("SELECT municipality_id FROM pilot_municipality WHERE pilot_id = :p").param("p", pilot)
                .query(Long.class).list();
    }
}
