package nl.jeugdhulp.registratie.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.account.Role;
import nl.jeugdhulp.registratie.audit.ChangeHistory.Event;
import nl.jeugdhulp.registratie.audit.ChangeHistory.ShownChange;
import nl.jeugdhulp.registratie.audit.ChangeHistory.ShownRevision;
import nl.jeugdhulp.registratie.exchange.ImportTestAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The change history of a trajectory (issue 7): registered, edited and given a contact through the
 * real forms, then read back on /trajecten/{id}/geschiedenis and /beheer/trajecten/{id}/geschiedenis.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TrajectoryHistoryTest {

    private static final String CAPJ = "Classificatie hulpvraag (CAP-J)";
    private static final String CONTACTS = "Totaal aantal contacten (van meer dan 15 minuten)";
    private static final String LAST_CONTACT = "Datum laatste contact";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportTestAccess importAccess;

    long pilot;
    long practice;
    String practiceName;
    Supporter supporter;
    RequestPostProcessor me;

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        practice = data.practice(pilot, data.municipality());
        practiceName = jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", practice).query(String.class).single();
        supporter = data.supporter(pilot, "POH_JEUGD", practice);
        me = principals.as(supporter.userId());
    }

    /** The registration form as the page posts it; {@code overrides} replace or add parameters. */
    MockHttpServletRequestBuilder form(String path, String... overrides) {
        Map<String, String[]> params = new LinkedHashMap<>();
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
            params.put(overrides[i], overrides[i + 1].split("\\|"));
        }
        MockHttpServletRequestBuilder request = post(path).with(me).with(csrf());
        params.forEach(request::param);
        return request;
    }

    long register() throws Exception {
        mvc.perform(form("/trajecten")).andExpect(status().isFound());
        return jdbc.sql("SELECT max(id) FROM trajectory WHERE supporter_id = :s").param("s", supporter.id())
                .query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    static List<ShownRevision> revisions(MvcResult result) {
        return ((TrajectoryHistoryView) result.getModelAndView().getModel().get("history")).revisions();
    }

    @Test
    void historyShowsEveryChangeWithOldAndNewValuesNewestFirstWithTheActingUser() throws Exception {
        long id = register();
        // Gender V → M, contacts 2 → 3, CAP-J E103 removed and A101 added; the private reference changes too.
        mvc.perform(form("/trajecten/" + id, "gender", "M", "contacts", "3", "capjCodes", "A102|A101",
                        "privateReference", "JV-8", "version", "0"))
                .andExpect(status().isFound());
        mvc.perform(post("/trajecten/" + id + "/contact").with(me).with(csrf())).andExpect(status().isFound());
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));

        MvcResult page = mvc.perform(get("/trajecten/" + id + "/geschiedenis").with(me))
                .andExpect(status().isOk()).andReturn();
        List<ShownRevision> revisions = revisions(page);

        assertThat(revisions).extracting(ShownRevision::event)
                .containsExactly(Event.CONTACT_ADDED, Event.UPDATED, Event.CREATED);
        assertThat(revisions).extracting(ShownRevision::username).containsOnly(supporter.username());
        assertThat(revisions).extracting(ShownRevision::role).containsOnly("PRAKTIJKONDERSTEUNER");
        assertThat(revisions.get(0).changes()).containsExactly(
                new ShownChange(CONTACTS, "3", "4"),
                new ShownChange(LAST_CONTACT, "08-09-2026", today));
        assertThat(revisions.get(1).changes()).containsExactly(
                new ShownChange("Geslacht", "Meisje", "Jongen"),
                new ShownChange(CAPJ, "A-102 Angstproblemen, E-103 Motivatieproblemen op school of werk (onder andere spijbelen)",
                        "A-102 Angstproblemen, A-101 Teruggetrokken gedrag"),
                new ShownChange(CONTACTS, "2", "3"));
        // Registered: every recorded value is new; the private reference is not among them.
        assertThat(revisions.get(2).changes()).containsExactly(
                new ShownChange("Huisartsenpraktijk", null, practiceName),
                new ShownChange("Geboortemaand", null, "april"),
                new ShownChange("Geboortejaar", null, "2012"),
                new ShownChange("Geslacht", null, "Meisje"),
                new ShownChange("Startdatum (eerste contact)", null, "01-09-2026"),
                new ShownChange("Aard hulpvraag", null, "Angstig, wil niet naar school"),
                new ShownChange(CAPJ, null, "A-102 Angstproblemen, E-103 Motivatieproblemen op school of werk (onder andere spijbelen)"),
                new ShownChange("Aanmelder hulpvraag (wie zijn betrokken bij de hulpvraag)", null, "Ouder(s)/verzorger(s), School"),
                new ShownChange(CONTACTS, null, "2"),
                new ShownChange(LAST_CONTACT, null, "08-09-2026"),
                // The form registers "none" for unticked activities and consultations (not "unknown").
                new ShownChange("Werkzaamheden (behandelingen/interventies)", null, "geen"),
                new ShownChange("Overleg en samenwerking over de cliënt met", null, "geen"));

        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("Wijzigingsgeschiedenis van traject " + id)
                .contains("door Praktijkondersteuner " + supporter.username())
                .contains("Contact toegevoegd", "Gewijzigd", "Geregistreerd")
                .doesNotContain("JV-7", "JV-8");
        // Newest first on the page too.
        assertThat(html.indexOf("Contact toegevoegd")).isLessThan(html.indexOf("Gewijzigd"));
        assertThat(html.indexOf("Gewijzigd")).isLessThan(html.indexOf("Geregistreerd"));

        // Nothing of the private reference is stored in the history tables.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM change_field f JOIN change_revision r ON r.id = f.revision_id
                         WHERE r.trajectory_id = :id AND (f.old_value LIKE '%JV-%' OR f.new_value LIKE '%JV-%')""")
                .param("id", id).query(Long.class).single()).isZero();
        // Reading the history is a read of trajectory data: audited.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'TRAJECTORY_HISTORY_VIEWED' AND object_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheOwnSupporterAndTheAdministratorSeeTheHistory() throws Exception {
        long id = register();
        mvc.perform(form("/trajecten/" + id, "gender", "X", "version", "0")).andExpect(status().isFound());

        Supporter colleague = data.supporter(pilot, "OJG", practice);
        mvc.perform(get("/trajecten/" + id + "/geschiedenis").with(principals.as(colleague.userId())))
                .andExpect(status().isNotFound());
        // The project leader sees the trajectory itself but not its history; other roles not at all.
        RequestPostProcessor leader = principals.as(data.projectLeader(pilot));
        mvc.perform(get("/pilot/trajecten/" + id).with(leader)).andExpect(status().isOk());
        mvc.perform(get("/trajecten/" + id + "/geschiedenis").with(leader)).andExpect(status().isForbidden());
        mvc.perform(get("/beheer/trajecten/" + id + "/geschiedenis").with(leader)).andExpect(status().isForbidden());
        for (Role role : List.of(Role.GEMEENTE, Role.ONDERZOEKER)) {
            mvc.perform(get("/trajecten/" + id + "/geschiedenis").with(principals.newUser(role))).andExpect(status().isForbidden());
            mvc.perform(get("/beheer/trajecten/" + id + "/geschiedenis").with(principals.newUser(role))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'TRAJECTORY_HISTORY_VIEWED' AND object_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isZero();

        RequestPostProcessor admin = principals.as(data.user(Role.BEHEERDER));
        MvcResult page = mvc.perform(get("/beheer/trajecten/" + id + "/geschiedenis").with(admin))
                .andExpect(status().isOk()).andReturn();
        List<ShownRevision> revisions = revisions(page);
        assertThat(revisions).extracting(ShownRevision::event).containsExactly(Event.UPDATED, Event.CREATED);
        assertThat(revisions.get(0).changes()).containsExactly(new ShownChange("Geslacht", "Meisje", "X (anders)"));
        assertThat(page.getResponse().getContentAsString()).contains("door Praktijkondersteuner " + supporter.username())
                .contains("href=\"/beheer/audit/traject/" + id + "\"");
        mvc.perform(get("/beheer/trajecten/987654321/geschiedenis").with(admin)).andExpect(status().isNotFound());
        // The audit trail of the trajectory links to its history.
        String audit = mvc.perform(get("/beheer/audit/traject/" + id).with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("href=\"/beheer/trajecten/" + id + "/geschiedenis\"");
        assertThat(jdbc.sql("""
                        SELECT role || ':' || event_type FROM audit_event
                         WHERE event_type = 'TRAJECTORY_HISTORY_VIEWED' AND object_id = :id""")
                .param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("BEHEERDER:TRAJECTORY_HISTORY_VIEWED");
    }

    @Test
    void closingAndReopeningAreRecordedWithLabelledCodes() throws Exception {
        long id = register();
        mvc.perform(post("/trajecten/" + id + "/afsluiten").with(me).with(csrf()).param("version", "0")
                        .param("endDate", "2026-10-01").param("contacts", "4").param("outcome", "VERWEZEN")
                        .param("referralMoment", "NA_VRAAGVERHELDERING").param("destinations", "SGGZ", "CJG_WIJKTEAM"))
                .andExpect(status().isFound());
        mvc.perform(post("/trajecten/" + id + "/heropenen").with(me).with(csrf()).param("version", "1"))
                .andExpect(status().isFound());

        List<ShownRevision> revisions = revisions(mvc.perform(get("/trajecten/" + id + "/geschiedenis").with(me))
                .andExpect(status().isOk()).andReturn());
        assertThat(revisions).extracting(ShownRevision::event).containsExactly(Event.REOPENED, Event.CLOSED, Event.CREATED);
        List<ShownChange> closed = revisions.get(1).changes();
        assertThat(closed).contains(
                new ShownChange("Einddatum traject", null, "01-10-2026"),
                new ShownChange("Wijze van afronding", null, "Verwezen"),
                new ShownChange("Verwijzing naar", null, "Specialistische jeugd-GGZ/GGZ, CJG, wijk- of gebiedsteam"));
        List<ShownChange> reopened = new ArrayList<>(revisions.get(0).changes());
        assertThat(reopened).contains(
                new ShownChange("Einddatum traject", "01-10-2026", null),
                new ShownChange("Wijze van afronding", "Verwezen", null));
    }

    /** Uploads a registration file as the supporter and imports its valid rows; waits for the job. */
    void importFile(String rows) throws Exception {
        MockHttpSession session = new MockHttpSession();
        byte[] file = (IMPORT_HEADER + "\r\n" + rows).getBytes(StandardCharsets.UTF_8);
        MvcResult checked = mvc.perform(multipart("/import").file(new MockMultipartFile("bestand", "trajecten.csv", "text/csv", file))
                .with(me).with(csrf()).session(session)).andExpect(status().isOk()).andReturn();
        String upload = (String) checked.getModelAndView().getModel().get("uploadId");
        String location = mvc.perform(post("/import/" + upload).param("alleenGeldig", "true").with(me).with(csrf()).session(session))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        importAccess.await(location.substring("/import/taak/".length()));
    }

    private static final String IMPORT_HEADER = "bron_id;Professional;praktijk;geboortejaar;GeboorteMaand;geslacht;"
            + "aanmelddatum;STARTDATUM;hulpvraag;capj_1;capj_2;aanmelder_jeugdige;aanmelder_ouders;"
            + "aanmelder_school;aanmelder_professional;aanmelder_anders;Aantal-Contacten;interventie triage;"
            + "interventie_psycho_educatie";

    @Test
    void anImportRecordsNewTrajectoriesAndTheChangesOfUpdatedOnes() throws Exception {
        importFile("H1;;" + practiceName + ";2012;4;V;;1-9-2025;Angstig;A-102;;0;1;0;0;0;2;1;0\r\n");
        long id = jdbc.sql("SELECT id FROM trajectory WHERE supporter_id = :s AND source_id = 'H1'")
                .param("s", supporter.id()).query(Long.class).single();
        // The same row again with gender V → M, a second CAP-J code and 2 → 3 contacts.
        importFile("H1;;" + practiceName + ";2012;4;M;;1-9-2025;Angstig;A-102;E-103;0;1;0;0;0;3;1;0\r\n");

        List<ShownRevision> revisions = revisions(mvc.perform(get("/trajecten/" + id + "/geschiedenis").with(me))
                .andExpect(status().isOk()).andReturn());
        assertThat(revisions).extracting(ShownRevision::event).containsExactly(Event.IMPORTED, Event.IMPORTED);
        assertThat(revisions).extracting(ShownRevision::username).containsOnly(supporter.username());
        assertThat(revisions.get(0).changes()).containsExactly(
                new ShownChange("Geslacht", "Meisje", "Jongen"),
                new ShownChange(CAPJ, "A-102 Angstproblemen",
                        "A-102 Angstproblemen, E-103 Motivatieproblemen op school of werk (onder andere spijbelen)"),
                new ShownChange(CONTACTS, "2", "3"));
        assertThat(revisions.get(1).changes()).contains(
                new ShownChange("Geslacht", null, "Meisje"),
                new ShownChange("Startdatum (eerste contact)", null, "01-09-2025"),
                new ShownChange("Aanmelder hulpvraag (wie zijn betrokken bij de hulpvraag)", null, "Ouder(s)/verzorger(s)"),
                new ShownChange("Werkzaamheden (behandelingen/interventies)", null, "Triage of screening"));
    }

    @Test
    void anImportedFreeTextWithQuotesCommasBracesAndALineBreakIsStoredAndRecordedExactly() throws Exception {
        // The import writes with COPY (CSV) and keeps a new trajectory's history in arrays (V18): quoting must hold.
        String text = "Zegt \"nee\", a\\b; {x,y}\nregel 2";
        importFile("H9;;" + practiceName + ";2012;4;V;;1-9-2025;\"" + text.replace("\"", "\"\"") + "\";A-102;;0;1;0;0;0;2;1;0\r\n");
        long id = jdbc.sql("SELECT id FROM trajectory WHERE supporter_id = :s AND source_id = 'H9'")
                .param("s", supporter.id()).query(Long.class).single();
        assertThat(jdbc.sql("SELECT help_request FROM trajectory WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo(text);
        List<ShownRevision> revisions = revisions(mvc.perform(get("/trajecten/" + id + "/geschiedenis").with(me))
                .andExpect(status().isOk()).andReturn());
        assertThat(revisions).extracting(ShownRevision::event).containsExactly(Event.IMPORTED);
        assertThat(revisions.get(0).changes()).contains(new ShownChange("Aard hulpvraag", null, text),
                new ShownChange("Geboortejaar", null, "2012"));
    }

    @Test
    void theDatabaseRefusesThePrivateReferenceInTheHistory() {
        long id = data.trajectory(supporter, practice, LocalDate.of(2026, 3, 1));
        long revision = jdbc.sql("""
                        INSERT INTO change_revision (trajectory_id, event, username, role)
                        VALUES (:id, 'UPDATED', 'x', 'PRAKTIJKONDERSTEUNER') RETURNING id""")
                .param("id", id).query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO change_field (revision_id, position, field, old_value, new_value)
                        VALUES (:r, 1, 'privateReference', 'AB-1', NULL)""").param("r", revision).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // Nor in the fields an imported trajectory's revision carries itself (V18).
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO change_revision (trajectory_id, event, username, role, created_fields, created_values)
                        VALUES (:id, 'IMPORTED', 'x', 'PRAKTIJKONDERSTEUNER', '{gender,privateReference}', '{V,AB-1}')""")
                .param("id", id).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
