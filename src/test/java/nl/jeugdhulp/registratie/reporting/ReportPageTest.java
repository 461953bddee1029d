package nl.jeugdhulp.registratie.reporting;

import static nl.jeugdhulp.registratie.reporting.Breakdown.FUNCTION_TYPE;
import static nl.jeugdhulp.registratie.reporting.ReportAssertions.assertTable;
import static nl.jeugdhulp.registratie.reporting.TrajectoryRow.none;
import static nl.jeugdhulp.registratie.reporting.TrajectoryRow.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The report page through HTTP: who may see it, filters in the URL, choices limited to the user's scope. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    long pilot;
    long foreignPilot;
    String pilotName;
    String foreignPilotName;
    Supporter supporter;
    Supporter colleague;
    Supporter foreignSupporter;
    String projectLeader;

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        foreignPilot = data.pilot();
        pilotName = name(pilot);
        foreignPilotName = name(foreignPilot);
        long municipality = data.municipality();
        long practice = data.practice(pilot, municipality);
        supporter = data.supporter(pilot, "POH_JEUGD", practice);
        colleague = data.supporter(pilot, "OJG", practice);
        // In T2 2026: two closed by the supporter (one referred), one by the colleague; one closed in T3.
        started(supporter.id(), practice, "2026-05-04").closedSelf("2026-06-01").gender("V").applicants("OUDERS")
                .contacts(2).interventions("TRIAGE_SCREENING").consultations(none()).insert(jdbc);
        started(supporter.id(), practice, "2026-06-01").referred("2026-08-31", "NA_VRAAGVERHELDERING", "BGGZ")
                .gender("M").applicants("JEUGDIGE").contacts(3).interventions(none()).consultations(none()).insert(jdbc);
        started(colleague.id(), practice, "2026-05-10").closedSelf("2026-07-01").gender("M").applicants("OUDERS")
                .insert(jdbc);
        started(supporter.id(), practice, "2026-08-20").closedSelf("2026-09-01").insert(jdbc);
        projectLeader = data.username(data.projectLeader(pilot));
        // The foreign pilot has a supporter too: their code must not be offered.
        foreignSupporter = data.supporter(foreignPilot, "SOH_JGGZ", data.practice(foreignPilot, municipality));
    }

    private String name(long id) {
        return jdbc.sql("SELECT name FROM pilot WHERE id = :id").param("id", id).query(String.class).single();
    }

    private String code(Supporter s) {
        return jdbc.sql("SELECT code FROM supporter WHERE id = :id").param("id", s.id()).query(String.class).single();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void aProjectLeaderSeesTheirPilotsNumbersWithTheChosenPeriodKeptInTheForm() throws Exception {
        MvcResult result = mvc.perform(get("/rapportage").param("periode", "T2").param("jaar", "2026")
                        .with(as(projectLeader)))
                .andExpect(status().isOk()).andReturn();
        Report report = (Report) result.getModelAndView().getModel().get("report");
        assertThat(report.filter().from()).hasToString("2026-05-01");
        assertThat(report.filter().to()).hasToString("2026-08-31");
        assertTable(report, "afronding", FUNCTION_TYPE, """
                                POH_JEUGD SOH_JGGZ OJG TOTAL
                ZELF_AFGEROND           1        0   1     2
                VERWEZEN                1        0   0     1
                ANDERS                  0        0   0     0
                n                       2        0   1     3
                missing                 0        0   0     0
                """);
        assertThat(report.openAtEnd()).isEqualTo(1);

        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("Periode 01-05-2026 tot en met 31-08-2026");
        assertThat(page).containsPattern("<option value=\"T2\" selected=\"selected\"");
        assertThat(page).doesNotContainPattern("<option value=\"JAAR\" selected");
        assertThat(page).containsPattern("name=\"jaar\"[^>]*value=\"2026\"|value=\"2026\"[^>]*name=\"jaar\"");
        // The choices offer the own pilot and its supporters (by code), nothing of the foreign pilot.
        assertThat(page).contains("name=\"pilot\"", pilotName, "name=\"ondersteuner\"", code(supporter), code(colleague));
        assertThat(page).doesNotContain(foreignPilotName, code(foreignSupporter));
    }

    @Test
    void filtersInTheUrlNarrowTheReportAndAreEchoed() throws Exception {
        MvcResult result = mvc.perform(get("/rapportage").param("periode", "EIGEN").param("van", "2026-05-01")
                        .param("tot", "2026-06-30").param("pilot", String.valueOf(pilot))
                        .param("ondersteuner", String.valueOf(supporter.id())).with(as(projectLeader)))
                .andExpect(status().isOk()).andReturn();
        Report report = (Report) result.getModelAndView().getModel().get("report");
        // Only the supporter's trajectory closed on 1 June falls in 1 May - 30 June.
        assertThat(ReportAssertions.table(report, "afronding", FUNCTION_TYPE).n()).containsExactly(1, 0, 0, 1);
        String page = result.getResponse().getContentAsString();
        assertThat(page).containsPattern("<option value=\"EIGEN\" selected=\"selected\"");
        assertThat(page).containsPattern("<option value=\"" + pilot + "\" selected=\"selected\"");
        assertThat(page).containsPattern("<option value=\"" + supporter.id() + "\" selected=\"selected\"");
        assertThat(page).contains("value=\"2026-05-01\"", "value=\"2026-06-30\"");
    }

    @Test
    void anUnknownPeriodIsABadRequestWithTheReasonInDutch() throws Exception {
        String page = mvc.perform(get("/rapportage").param("periode", "ONZIN").with(as(projectLeader)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Kies een geldige periode.");
        assertThat(page).doesNotContain("Periode 01-");
    }

    @Test
    void aPilotOutsideTheScopeIsABadRequestNotAnEmptyReport() throws Exception {
        String page = mvc.perform(get("/rapportage").param("periode", "T2").param("jaar", "2026")
                        .param("pilot", String.valueOf(foreignPilot)).with(as(projectLeader)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Deze keuze bestaat niet of valt buiten wat u mag zien.");
        assertThat(page).doesNotContain(foreignPilotName);
        // A supporter of another pilot's team is just as foreign to the project leader.
        mvc.perform(get("/rapportage").param("ondersteuner", "999999999").with(as(projectLeader)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void municipalityAndResearcherAccountsAreForbidden() throws Exception {
        for (Role role : new Role[] {Role.GEMEENTE, Role.ONDERZOEKER}) {
            String username = data.username(data.user(role));
            mvc.perform(get("/rapportage").with(as(username))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aSupportersPageHasNoPilotOrSupporterChoiceAndOnlyTheirOwnNumbers() throws Exception {
        MvcResult result = mvc.perform(get("/rapportage").param("periode", "T2").param("jaar", "2026")
                        .with(as(supporter.username())))
                .andExpect(status().isOk()).andReturn();
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("name=\"periode\"", "name=\"praktijk\"");
        assertThat(page).doesNotContain("name=\"pilot\"", "name=\"ondersteuner\"", pilotName);
        Report report = (Report) result.getModelAndView().getModel().get("report");
        assertTable(report, "afronding", FUNCTION_TYPE, """
                                POH_JEUGD SOH_JGGZ OJG TOTAL
                ZELF_AFGEROND           1        0   0     1
                VERWEZEN                1        0   0     1
                ANDERS                  0        0   0     0
                n                       2        0   0     2
                missing                 0        0   0     0
                """);
        // Asking for a colleague's numbers through the URL is refused.
        mvc.perform(get("/rapportage").param("ondersteuner", String.valueOf(colleague.id())).with(as(supporter.username())))
                .andExpect(status().isBadRequest());
    }
}
