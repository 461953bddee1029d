package nl.jeugdhulp.registratie.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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

/** The project leader keeps their pilot's cost assumptions: validation, stale edits, scope. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CostAssumptionWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @Autowired
    JdbcClient jdbc;

    long pilot;
    long leader;

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        leader = data.projectLeader(pilot);
    }

    private long stored() {
        return jdbc.sql("SELECT count(*) FROM pilot_cost_assumption WHERE pilot_id = :p").param("p", pilot)
                .query(Long.class).single();
    }

    private MockHttpServletRequestBuilder form(String url, Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post(url).with(csrf()).with(principals.as(leader));
        fields.forEach(request::param);
        return request;
    }

    @Test
    void theNewFormProposesTheDefaultAmount() throws Exception {
        String html = mvc.perform(get("/samenvatting/aannames/" + pilot + "/nieuw").with(principals.as(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("value=\"2000\"");
    }

    @Test
    void aValidAssumptionIsStoredWithDutchDecimalsAndAudited() throws Exception {
        mvc.perform(form("/samenvatting/aannames/" + pilot + "/nieuw", Map.of("validFrom", "2020-03-01",
                        "amount", "2000", "staffCost", "180000", "housingCost", "48000,50")))
                .andExpect(redirectedUrl("/samenvatting/aannames"));
        assertThat(jdbc.sql("""
                        SELECT valid_from || ' ' || amount_per_trajectory || ' ' || staff_cost_per_year || ' '
                               || housing_cost_per_year FROM pilot_cost_assumption WHERE pilot_id = :p""")
                .param("p", pilot).query(String.class).single()).isEqualTo("2020-03-01 2000.00 180000.00 48000.50");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'COST_ASSUMPTION_CREATED' AND pilot_id = :p")
                .param("p", pilot).query(Long.class).single()).isEqualTo(1);
        String list = mvc.perform(get("/samenvatting/aannames").with(principals.as(leader)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("01-03-2020", "€ 2.000", "€ 180.000", "€ 48.000,50");
    }

    @Test
    void invalidInputShowsDutchMessagesAndStoresNothing() throws Exception {
        String html = mvc.perform(form("/samenvatting/aannames/" + pilot + "/nieuw", Map.of("validFrom", "",
                        "amount", "twee", "staffCost", "-5", "housingCost", "1,234")))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Vul dit veld in.", "Vul een getal in, bijvoorbeeld 8,5.", "De waarde is minstens 0.",
                "Gebruik hoogstens 9 cijfers vóór en 2 na de komma.", "value=\"twee\"");
        assertThat(stored()).isZero();
    }

    @Test
    void aSecondAssumptionOnTheSameDayIsRefusedOnTheField() throws Exception {
        Map<String, String> fields = Map.of("validFrom", "2021-03-01", "amount", "2000", "staffCost", "1",
                "housingCost", "0");
        mvc.perform(form("/samenvatting/aannames/" + pilot + "/nieuw", fields)).andExpect(status().is3xxRedirection());
        String html = mvc.perform(form("/samenvatting/aannames/" + pilot + "/nieuw", fields))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Voor deze pilot is er al een aanname vanaf deze datum.");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aStaleEditIsRefusedWith409() throws Exception {
        long id = jdbc.sql("""
                        INSERT INTO pilot_cost_assumption (pilot_id, valid_from, amount_per_trajectory, staff_cost_per_year,
                                                           housing_cost_per_year, version)
                        VALUES (:p, DATE '2020-03-01', 2000, 180000, 48000, 3) RETURNING id""")
                .param("p", pilot).query(Long.class).single();
        mvc.perform(form("/samenvatting/aannames/" + pilot + "/" + id, Map.of("validFrom", "2020-03-01",
                "amount", "2500", "staffCost", "180000", "housingCost", "48000", "version", "2")))
                .andExpect(status().isConflict());
        mvc.perform(form("/samenvatting/aannames/" + pilot + "/" + id, Map.of("validFrom", "2020-03-01",
                "amount", "2500", "staffCost", "180000", "housingCost", "48000", "version", "3")))
                .andExpect(redirectedUrl("/samenvatting/aannames"));
        assertThat(jdbc.sql("SELECT amount_per_trajectory FROM pilot_cost_assumption WHERE id = :id").param("id", id)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("2500");
    }

    @Test
    void onlyTheOwnPilotsProjectLeaderOrAnAdministratorMayChangeThem() throws Exception {
        long stranger = data.projectLeader(data.pilot());
        mvc.perform(get("/samenvatting/aannames/" + pilot + "/nieuw").with(principals.as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/samenvatting/aannames/" + pilot + "/nieuw").with(csrf()).with(principals.as(stranger))
                .param("validFrom", "2021-01-01").param("amount", "1").param("staffCost", "1").param("housingCost", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/samenvatting/aannames/" + pilot + "/nieuw").with(principals.newUser(Role.BEHEERDER)))
                .andExpect(status().isOk());
        mvc.perform(get("/samenvatting/aannames/" + pilot + "/nieuw").with(principals.newUser(Role.GEMEENTE)))
                .andExpect(status().isForbidden());
        assertThat(stored()).isZero();
    }
}
