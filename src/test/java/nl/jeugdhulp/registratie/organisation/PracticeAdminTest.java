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
class PracticeAdminTest {

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
    long municipality;

    @BeforeEach
    void administratorAndPilot() {
        admin = principals.newUser(Role.BEHEERDER);
        pilot = data.pilot();
        municipality = data.municipality();
    }

    @Test
    void newPracticeIsSavedWithDecimalCommaAndShowsItsNormPractices() throws Exception {
        long practice = data.practice(pilot, municipality); // links the municipality to the pilot
        String name = TestData.unique("Praktijk ");

        mvc.perform(save("/beheer/praktijken/nieuw", name, "2,5", "4700", null))
                .andExpect(redirectedUrl("/beheer/praktijken"));

        long id = jdbc.sql("SELECT id FROM practice WHERE name = :n").param("n", name).query(Long.class).single();
        assertThat(jdbc.sql("SELECT number_of_gps FROM practice WHERE id = :id").param("id", id).query(BigDecimal.class).single())
                .isEqualByComparingTo("2.5");
        mvc.perform(get("/beheer/praktijken/{id}", id).with(admin))
                .andExpect(content().string(containsString("value=\"2,5\"")))
                .andExpect(content().string(containsString("Dat is 2,00 normpraktijk(en)")));
        assertThat(practice).isNotEqualTo(id);
    }

    @Test
    void staleEditIsRefusedAndTheNewerDataKept() throws Exception {
        long practice = data.practice(pilot, municipality);
        int version = version(practice);

        mvc.perform(save("/beheer/praktijken/" + practice, "Eerste wijziging", "4", "7050", version))
                .andExpect(redirectedUrl("/beheer/praktijken"));
        mvc.perform(save("/beheer/praktijken/" + practice, "Tweede wijziging", "5", "7050", version))
                .andExpect(status().isConflict())
                .andExpect(model().attributeHasErrors("form"))
                .andExpect(content().string(containsString("Iemand anders heeft dit intussen gewijzigd")))
                .andExpect(content().string(containsString("value=\"Eerste wijziging\"")));

        assertThat(jdbc.sql("SELECT name || '/' || number_of_gps FROM practice WHERE id = :id").param("id", practice)
                .query(String.class).single()).isEqualTo("Eerste wijziging/4.0");
        assertThat(version(practice)).isEqualTo(version + 1);
    }

    @Test
    void municipalityOutsideThePilotAndTooManyYouthAreFieldErrors() throws Exception {
        long other = data.municipality();
        jdbc.sql("DELETE FROM pilot_municipality WHERE pilot_id = :p AND municipality_id = :m")
                .param("p", pilot).param("m", other).update();
        String name = TestData.unique("Praktijk ");

        mvc.perform(save("/beheer/praktijken/nieuw", name, "2", "100", null, other, "101"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "municipalityId", "admin.practice.municipality.notInPilot"))
                .andExpect(model().attributeHasFieldErrorCode("form", "patientsUnder18", "admin.practice.patientsUnder18.tooMany"));

        assertThat(jdbc.sql("SELECT count(*) FROM practice WHERE name = :n").param("n", name).query(Integer.class).single()).isZero();
    }

    @Test
    void unknownPracticeAnswers404() throws Exception {
        mvc.perform(get("/beheer/praktijken/999999999").with(admin)).andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder save(String url, String name, String gps, String patients, Integer version) {
        return save(url, name, gps, patients, version, municipality, "900");
    }

    private MockHttpServletRequestBuilder save(String url, String name, String gps, String patients, Integer version,
                                               long municipalityId, String youth) {
        MockHttpServletRequestBuilder request = post(url).with(admin).with(csrf())
                .param("name", name).param("pilotId", String.valueOf(pilot)).param("municipalityId", String.valueOf(municipalityId))
                .param("numberOfGps", gps).param("averageGpAge", "51,5").param("cooperativeMember", "true")
                .param("registeredPatients", patients).param("patientsUnder18", youth)
                .param("otherDisciplines", "POH-GGZ 1,0");
        return version == null ? request : request.param("version", String.valueOf(version));
    }

    private int version(long practice) {
        return jdbc.sql("SELECT version FROM practice WHERE id = :id").param("id", practice).query(Integer.class).single();
    }
}
