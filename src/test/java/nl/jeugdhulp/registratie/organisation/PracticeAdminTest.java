package nl.jeugdhulp.registratie.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
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
    void disciplinesAreStoredPerCategoryShownOnEditAndAClearedOneIsRemoved() throws Exception {
        data.practice(pilot, municipality); // links the municipality to the pilot
        String name = TestData.unique("Praktijk ");

        mvc.perform(save("/beheer/praktijken/nieuw", name, "3", "7050", null)
                        .param("disciplines[POH_GGZ]", "1,5").param("disciplines[DOKTERSASSISTENT]", "3")
                        .param("disciplines[FYSIOTHERAPEUT]", "").param("disciplines[ONBEKEND]", "2"))
                .andExpect(redirectedUrl("/beheer/praktijken"));

        long id = jdbc.sql("SELECT id FROM practice WHERE name = :n").param("n", name).query(Long.class).single();
        assertThat(disciplines(id)).containsOnlyKeys("DOKTERSASSISTENT", "POH_GGZ");
        assertThat(disciplines(id).get("POH_GGZ")).isEqualByComparingTo("1.5");
        assertThat(disciplines(id).get("DOKTERSASSISTENT")).isEqualByComparingTo("3.0");
        mvc.perform(get("/beheer/praktijken/{id}", id).with(admin))
                .andExpect(content().string(containsString("name=\"disciplines[POH_GGZ]\" value=\"1,5\"")))
                .andExpect(content().string(containsString("name=\"disciplines[DOKTERSASSISTENT]\" value=\"3\"")))
                .andExpect(content().string(containsString("name=\"disciplines[FYSIOTHERAPEUT]\" value=\"\"")));
        mvc.perform(get("/beheer/praktijken").with(admin))
                .andExpect(content().string(containsString("<span>POH-GGZ 1,5; </span><span>Doktersassistent 3,0</span>")));

        mvc.perform(save("/beheer/praktijken/" + id, name, "3", "7050", version(id))
                        .param("disciplines[POH_GGZ]", "2").param("disciplines[DOKTERSASSISTENT]", ""))
                .andExpect(redirectedUrl("/beheer/praktijken"));

        assertThat(disciplines(id)).containsOnlyKeys("POH_GGZ");
        assertThat(disciplines(id).get("POH_GGZ")).isEqualByComparingTo("2");
        assertThat(jdbc.sql("SELECT action || '/' || event_type || '/' || pilot_id FROM audit_event WHERE object_type = 'PRACTICE' AND object_id = :id ORDER BY id")
                .param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("C/PRACTICE_CREATED/" + pilot, "U/PRACTICE_UPDATED/" + pilot);
    }

    @Test
    void negativeOrNonNumericDisciplineIsAFieldErrorAndNothingIsStored() throws Exception {
        data.practice(pilot, municipality);
        String name = TestData.unique("Praktijk ");

        mvc.perform(save("/beheer/praktijken/nieuw", name, "3", "7050", null)
                        .param("disciplines[POH_GGZ]", "-1").param("disciplines[DOKTERSASSISTENT]", "abc")
                        .param("disciplines[FYSIOTHERAPEUT]", "2"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "disciplines[POH_GGZ]", "DecimalMin"))
                .andExpect(model().attributeHasFieldErrorCode("form", "disciplines[DOKTERSASSISTENT]", "typeMismatch"))
                .andExpect(content().string(containsString("Vul een aantal in van 0 tot en met 100.")))
                .andExpect(content().string(containsString("Vul een aantal in, bijvoorbeeld 1,5.")))
                .andExpect(content().string(containsString("id=\"disciplines[POH_GGZ]-fout\"")))
                .andExpect(content().string(containsString("value=\"abc\"")));
        assertThat(jdbc.sql("SELECT count(*) FROM practice WHERE name = :n").param("n", name).query(Integer.class).single()).isZero();

        long practice = data.practice(pilot, municipality);
        jdbc.sql("INSERT INTO practice_discipline VALUES (:p, 'POH_GGZ', 1)").param("p", practice).update();
        mvc.perform(save("/beheer/praktijken/" + practice, name, "3", "7050", version(practice))
                        .param("disciplines[POH_GGZ]", "100,5").param("disciplines[FYSIOTHERAPEUT]", "1,25"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "disciplines[POH_GGZ]", "DecimalMax"))
                .andExpect(model().attributeHasFieldErrorCode("form", "disciplines[FYSIOTHERAPEUT]", "Digits"));
        assertThat(disciplines(practice)).containsOnlyKeys("POH_GGZ");
        assertThat(disciplines(practice).get("POH_GGZ")).isEqualByComparingTo("1");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'PRACTICE' AND object_id = :id")
                .param("id", String.valueOf(practice)).query(Integer.class).single()).isZero();
    }

    @Test
    void databaseRefusesAnUnknownDisciplineCategory() {
        long practice = data.practice(pilot, municipality);

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO practice_discipline VALUES (:p, 'POH-GGZ', 1)").param("p", practice).update())
                .hasMessageContaining("practice_discipline_category_known");
    }

    @Test
    void staleEditIsRefusedAndTheNewerDataKept() throws Exception {
        long practice = data.practice(pilot, municipality);
        int version = version(practice);

        mvc.perform(save("/beheer/praktijken/" + practice, "Eerste wijziging", "4", "7050", version)
                        .param("disciplines[POH_GGZ]", "1"))
                .andExpect(redirectedUrl("/beheer/praktijken"));
        mvc.perform(save("/beheer/praktijken/" + practice, "Tweede wijziging", "5", "7050", version)
                        .param("disciplines[POH_GGZ]", "2").param("disciplines[ANDERS]", "1"))
                .andExpect(status().isConflict())
                .andExpect(model().attributeHasErrors("form"))
                .andExpect(content().string(containsString("Iemand anders heeft dit intussen gewijzigd")))
                .andExpect(content().string(containsString("value=\"Eerste wijziging\"")));

        assertThat(jdbc.sql("SELECT name || '/' || number_of_gps FROM practice WHERE id = :id").param("id", practice)
                .query(String.class).single()).isEqualTo("Eerste wijziging/4.0");
        assertThat(version(practice)).isEqualTo(version + 1);
        assertThat(disciplines(practice)).containsOnlyKeys("POH_GGZ");
        assertThat(disciplines(practice).get("POH_GGZ")).isEqualByComparingTo("1");
    }

    @Test
    void municipalityOutsideThePilotAndTooManyYouthAreFieldErrors() throws Exception {
        long other = data.municipality();
        jdbc.sql("DELETE FROM pilot_municipality WHERE pilot_id = :p AND municipality_id = :m")
                .param("p", pilot).param("m", other).update();
        String name = TestData.unique("Praktijk ");

        mvc.perform(save("/beheer/praktijken/nieuw", name, "2", "100", null, other, "101"))
                .andExpect(status().isUnprocessableContent())
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
                .param("registeredPatients", patients).param("patientsUnder18", youth);
        return version == null ? request : request.param("version", String.valueOf(version));
    }

    private Map<String, BigDecimal> disciplines(long practice) {
        Map<String, BigDecimal> rows = new TreeMap<>();
        jdbc.sql("SELECT category, amount FROM practice_discipline WHERE practice_id = :id").param("id", practice)
                .query((rs, i) -> rows.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return rows;
    }

    private int version(long practice) {
        return jdbc.sql("SELECT version FROM practice WHERE id = :id").param("id", practice).query(Integer.class).single();
    }
}
