package nl.jeugdhulp.registratie.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Registration through HTTP with the real security configuration and PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TrajectoryWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    long pilot;
    long practice;
    Supporter supporter;
    String today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        practice = data.practice(pilot, data.municipality());
        supporter = data.supporter(pilot, "POH_JEUGD", practice);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** A valid registration; {@code overrides} are name, value pairs that replace a parameter. */
    MockHttpServletRequestBuilder validNew(String... overrides) {
        java.util.Map<String, String[]> params = new java.util.LinkedHashMap<>();
        params.put("practiceId", new String[] {String.valueOf(practice)});
        params.put("privateReference", new String[] {"JV-7"});
        params.put("birthMonth", new String[] {"4"});
        params.put("birthYear", new String[] {"2012"});
        params.put("gender", new String[] {"V"});
        params.put("startDate", new String[] {"2026-09-01"});
        params.put("helpRequest", new String[] {"Angstig, wil niet naar school"});
        params.put("capjCodes", new String[] {"A102", "E103"});
        params.put("applicants", new String[] {"OUDERS", "SCHOOL"});
        params.put("contacts", new String[] {"2"});
        params.put("lastContactDate", new String[] {"2026-09-08"});
        for (int i = 0; i < overrides.length; i += 2) {
            params.put(overrides[i], new String[] {overrides[i + 1]});
        }
        MockHttpServletRequestBuilder request = post("/trajecten").with(as(supporter.username())).with(csrf());
        params.forEach(request::param);
        return request;
    }

    long lastTrajectoryOf(Supporter s) {
        return jdbc.sql("SELECT max(id) FROM trajectory WHERE supporter_id = :s").param("s", s.id())
                .query(Long.class).single();
    }

    @Test
    void supporterRegistersATrajectoryWithTwoCapjCodesAndItIsAudited() throws Exception {
        mvc.perform(validNew()).andExpect(status().isFound()).andExpect(redirectedUrlPattern("/trajecten/*"));

        long id = lastTrajectoryOf(supporter);
        assertThat(jdbc.sql("SELECT capj_code FROM trajectory_capj WHERE trajectory_id = :id ORDER BY position")
                .param("id", id).query(String.class).list()).containsExactly("A102", "E103");
        assertThat(jdbc.sql("SELECT array_to_string(applicants, ',') FROM trajectory WHERE id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("OUDERS,SCHOOL");
        assertThat(jdbc.sql("SELECT action || ':' || event_type FROM audit_event WHERE object_type = 'TRAJECTORY' AND object_id = :id")
                .param("id", String.valueOf(id)).query(String.class).list()).containsExactly("C:TRAJECTORY_CREATED");

        mvc.perform(get("/trajecten/" + id).with(as(supporter.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("JV-7")))
                .andExpect(content().string(containsString("Angstproblemen")));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_id = :id AND action = 'R'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void newFormRendersEachFieldOnce() throws Exception {
        String page = mvc.perform(get("/trajecten/nieuw").with(as(supporter.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.split("name=\"birthYear\"", -1)).hasSize(2);
        assertThat(page.split("name=\"startDate\"", -1)).hasSize(2);
        assertThat(page).contains("value=\"" + today + "\"");
    }

    @Test
    void emptyFormShowsEveryErrorAtOnceAndKeepsWhatWasTyped() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM trajectory").query(Long.class).single();
        mvc.perform(post("/trajecten").with(as(supporter.username())).with(csrf())
                        .param("privateReference", "KEEP-ME").param("contacts", "veel").param("startDate", today))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "practiceId", "trajectory.practice.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "birthMonth", "trajectory.birthMonth.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "birthYear", "trajectory.birthYear.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "gender", "trajectory.gender.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "helpRequest", "trajectory.helpRequest.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "capjCodes", "trajectory.capj.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "applicants", "trajectory.applicants.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "contacts", "typeMismatch"))
                .andExpect(content().string(containsString("value=\"KEEP-ME\"")))
                .andExpect(content().string(containsString("Kies minstens één CAP-J-categorie.")));
        assertThat(jdbc.sql("SELECT count(*) FROM trajectory").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void datesOutOfOrderAndAgeOver23AreRefused() throws Exception {
        mvc.perform(validNew("registrationDate", "2026-09-02", "birthYear", "2000", "endDate", "2026-08-01",
                        "outcome", "ZELF_AFGEROND", "lastContactDate", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "registrationDate", "trajectory.registrationDate.afterStart"))
                .andExpect(model().attributeHasFieldErrorCode("form", "birthYear", "trajectory.age.range"))
                .andExpect(model().attributeHasFieldErrorCode("form", "endDate", "trajectory.endDate.beforeStart"));
    }

    @Test
    void aSupporterCannotReachAnotherSupportersTrajectory() throws Exception {
        Supporter other = data.supporter(pilot, "OJG", practice);
        long foreign = data.trajectory(other, practice, LocalDate.of(2026, 3, 1));
        String me = supporter.username();

        mvc.perform(get("/trajecten/" + foreign).with(as(me))).andExpect(status().isNotFound());
        mvc.perform(get("/trajecten/" + foreign + "/bewerken").with(as(me))).andExpect(status().isNotFound());
        mvc.perform(get("/trajecten/" + foreign + "/afsluiten").with(as(me))).andExpect(status().isNotFound());
        mvc.perform(post("/trajecten/" + foreign + "/contact").with(as(me)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/trajecten/" + foreign + "/heropenen").param("version", "0").with(as(me)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/trajecten/" + foreign + "/verwijderen").param("version", "0").with(as(me)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/trajecten/999999999").with(as(me))).andExpect(status().isNotFound());
        mvc.perform(get("/trajecten/abc").with(as(me))).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT contacts FROM trajectory WHERE id = :id").param("id", foreign)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void savingAForeignTrajectoryIsNotFoundEvenWithAnIncompleteForm() throws Exception {
        Supporter other = data.supporter(pilot, "OJG", practice);
        long foreign = data.trajectory(other, practice, LocalDate.of(2026, 3, 1));
        String me = supporter.username();

        // Ownership is checked before the form is judged: 404, not 422 with the foreign form's errors.
        mvc.perform(post("/trajecten/" + foreign).with(as(me)).with(csrf()).param("contacts", "veel"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/trajecten/" + foreign).with(as(me)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/trajecten/999999999").with(as(me)).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT help_request || '/' || contacts || '/' || version FROM trajectory WHERE id = :id")
                .param("id", foreign).query(String.class).single()).isEqualTo("Somberheid en piekeren/1/0");
        // The own trajectory with the same incomplete form still gets the form back with its errors.
        long own = data.trajectory(supporter, practice, LocalDate.of(2026, 3, 1));
        mvc.perform(post("/trajecten/" + own).with(as(me)).with(csrf()).param("contacts", "veel"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "contacts", "typeMismatch"));
    }

    @Test
    void projectLeaderReadsOwnPilotWithoutPrivateReferencesAndNothingElse() throws Exception {
        long id = data.trajectory(supporter, practice, LocalDate.of(2026, 3, 1));
        long otherPilot = data.pilot();
        Supporter foreignSupporter = data.supporter(otherPilot, "SOH_JGGZ", data.practice(otherPilot, data.municipality()));
        long foreign = data.trajectory(foreignSupporter, practice, LocalDate.of(2026, 3, 1));
        String leader = data.username(data.projectLeader(pilot));

        mvc.perform(get("/pilot/trajecten/" + id).with(as(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Somberheid en piekeren")))
                .andExpect(content().string(not(containsString("AB-1"))));
        mvc.perform(get("/pilot/trajecten").with(as(leader)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("AB-1"))));
        mvc.perform(get("/pilot/trajecten/" + foreign).with(as(leader))).andExpect(status().isNotFound());
        mvc.perform(get("/trajecten/" + id).with(as(leader))).andExpect(status().isForbidden());
        mvc.perform(post("/trajecten/" + id + "/contact").with(as(leader)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void municipalityAndResearcherSeeNoTrajectory() throws Exception {
        long id = data.trajectory(supporter, practice, LocalDate.of(2026, 3, 1));
        for (Role role : List.of(Role.GEMEENTE, Role.ONDERZOEKER, Role.BEHEERDER)) {
            String name = data.username(data.user(role));
            mvc.perform(get("/trajecten/" + id).with(as(name))).andExpect(status().isForbidden());
            mvc.perform(get("/pilot/trajecten/" + id).with(as(name))).andExpect(status().isForbidden());
        }
    }

    @Test
    void staleEditIsRefusedAndNothingIsOverwritten() throws Exception {
        mvc.perform(validNew()).andExpect(status().isFound());
        long id = lastTrajectoryOf(supporter);
        // Someone else saves first: version 0 -> 1.
        mvc.perform(post("/trajecten/" + id + "/contact").with(as(supporter.username())).with(csrf()))
                .andExpect(status().isFound());

        mvc.perform(validNew("version", "0", "helpRequest", "Overschreven?").with(request -> {
                    request.setRequestURI("/trajecten/" + id);
                    return request;
                }))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Iemand anders heeft dit intussen gewijzigd")))
                .andExpect(content().string(containsString("Overschreven?")));
        assertThat(jdbc.sql("SELECT help_request || '/' || contacts FROM trajectory WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Angstig, wil niet naar school/3");
    }

    @Test
    void closingNeedsOutcomeAndReferralDetailsThenReopenClearsThem() throws Exception {
        mvc.perform(validNew()).andExpect(status().isFound());
        long id = lastTrajectoryOf(supporter);
        String me = supporter.username();

        mvc.perform(post("/trajecten/" + id + "/afsluiten").with(as(me)).with(csrf())
                        .param("version", "0").param("endDate", "2026-10-01").param("contacts", "4"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "outcome", "trajectory.outcome.required"));
        mvc.perform(post("/trajecten/" + id + "/afsluiten").with(as(me)).with(csrf())
                        .param("version", "0").param("endDate", "2026-10-01").param("contacts", "4")
                        .param("outcome", "VERWEZEN"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "referralMoment", "trajectory.referralMoment.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "destinations", "trajectory.destinations.required"));
        assertThat(jdbc.sql("SELECT end_date IS NULL FROM trajectory WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();

        mvc.perform(post("/trajecten/" + id + "/afsluiten").with(as(me)).with(csrf())
                        .param("version", "0").param("endDate", "2026-10-01").param("contacts", "4")
                        .param("outcome", "VERWEZEN").param("referralMoment", "NA_BEHANDELING")
                        .param("destinations", "SGGZ", "JEUGDCONSULENT").param("otherReason", "PARALLEL"))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("""
                        SELECT outcome || '/' || referral_moment || '/' || array_to_string(referral_destinations, ',')
                               || '/' || coalesce(outcome_other_reason, '-') || '/' || contacts
                          FROM trajectory WHERE id = :id""").param("id", id).query(String.class).single())
                .isEqualTo("VERWEZEN/NA_BEHANDELING/SGGZ,JEUGDCONSULENT/-/4");

        mvc.perform(post("/trajecten/" + id + "/heropenen").param("version", "1").with(as(me)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("SELECT (end_date IS NULL AND outcome IS NULL AND referral_destinations IS NULL) FROM trajectory WHERE id = :id")
                .param("id", id).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT string_agg(event_type, ',' ORDER BY id) FROM audit_event WHERE object_id = :id AND action = 'U'")
                .param("id", String.valueOf(id)).query(String.class).single())
                .isEqualTo("TRAJECTORY_CLOSED,TRAJECTORY_REOPENED");
    }

    @Test
    void worklistFlagsOpenTrajectoriesWithoutContactForEightWeeks() throws Exception {
        long old = data.trajectory(supporter, practice, LocalDate.now().minusWeeks(10));
        jdbc.sql("UPDATE trajectory SET private_reference = 'OUD-1' WHERE id = :id").param("id", old).update();
        long recent = data.trajectory(supporter, practice, LocalDate.now().minusWeeks(1));
        jdbc.sql("UPDATE trajectory SET private_reference = 'NIEUW-1' WHERE id = :id").param("id", recent).update();

        String page = mvc.perform(get("/trajecten").with(as(supporter.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String oldRow = page.substring(page.indexOf("OUD-1"), page.indexOf("</tr>", page.indexOf("OUD-1")));
        String recentRow = page.substring(page.indexOf("NIEUW-1"), page.indexOf("</tr>", page.indexOf("NIEUW-1")));
        assertThat(oldRow).contains("8+ weken geen contact");
        assertThat(recentRow).doesNotContain("8+ weken geen contact");

        mvc.perform(get("/trajecten").param("page", "x").param("outcome", "ONZIN").with(as(supporter.username())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ongeldige waarde")));
    }
}
