package nl.jeugdhulp.registratie.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditTrailTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditRetention retention;
    @Autowired
    PlatformTransactionManager transactions;

    private long insert(String marker, OffsetDateTime at) {
        return jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, action, event_type, outcome, details)
                        VALUES (:at, 'R', 'TEST_EVENT', 'SUCCESS', :marker) RETURNING id""")
                .param("at", at).param("marker", marker).query(Long.class).single();
    }

    private long count(String marker) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE details = :m").param("m", marker)
                .query(Long.class).single();
    }

    private static void refusedByTrigger(Throwable e) {
        assertThat(e).isInstanceOf(DataAccessException.class);
        assertThat(((DataAccessException) e).getMostSpecificCause().getMessage()).contains("audit_event is append-only");
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncateOfAuditRecords() {
        String marker = TestData.unique("vast-");
        long id = insert(marker, OffsetDateTime.now(ZoneOffset.UTC).minusYears(10));

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET outcome = 'FAILURE' WHERE id = :id")
                .param("id", id).update())
                .satisfies(AuditTrailTest::refusedByTrigger);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", id).update())
                .satisfies(AuditTrailTest::refusedByTrigger);
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .satisfies(AuditTrailTest::refusedByTrigger);
        // Even with the retention setting, a cut-off less than a year ago deletes nothing recent.
        String recent = TestData.unique("recent-");
        long recentId = insert(recent, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("SELECT set_config('app.audit_retention_before', :c, true)")
                    .param("c", OffsetDateTime.now(ZoneOffset.UTC).toString()).query(String.class).single();
            jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", recentId).update();
        })).satisfies(AuditTrailTest::refusedByTrigger);
        assertThat(count(marker)).as("ten years old, but not deleted outside the retention job").isEqualTo(1);
        assertThat(count(recent)).isEqualTo(1);

        // The retention job may remove the old row; its permission is transaction-local and ends with it.
        retention.purge(Instant.now());
        assertThat(count(marker)).isZero();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", recentId).update())
                .satisfies(AuditTrailTest::refusedByTrigger);
        assertThat(count(recent)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT outcome FROM audit_event WHERE id = :id").param("id", recentId)
                .query(String.class).single()).isEqualTo("SUCCESS");
    }

    @Test
    void retentionRemovesOnlyRecordsOlderThanFiveYears() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        OffsetDateTime cutoff = OffsetDateTime.parse("2021-11-22T12:00:00Z");
        String older = TestData.unique("ouder-");
        String exactly = TestData.unique("precies-");
        String younger = TestData.unique("jonger-");
        insert(older, cutoff.minusSeconds(1));
        insert(exactly, cutoff);
        insert(younger, cutoff.plusSeconds(1));

        int deleted = retention.purge(now);

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(count(older)).isZero();
        assertThat(count(exactly)).as("exactly five years old is kept").isEqualTo(1);
        assertThat(count(younger)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT action || '/' || username || '/' || details FROM audit_event
                         WHERE event_type = 'AUDIT_RETENTION' ORDER BY id DESC LIMIT 1""")
                .query(String.class).single())
                .isEqualTo("D/SYSTEEM/bewaartermijn=P5Y, verwijderd voor=2021-11-22T12:00Z, rijen=" + deleted);
    }

    @Test
    void aProjectLeadersReadCarriesEveryNen7513Field() throws Exception {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        TestData.Supporter supporter = data.supporter(pilot, "OJG", practice);
        long trajectory = data.trajectory(supporter, practice, LocalDate.of(2026, 3, 2));
        long other = data.pilot();
        long leader = data.projectLeader(pilot, other);

        mvc.perform(get("/pilot/trajecten/" + trajectory).with(principals.as(leader))
                        .with(r -> { r.setRemoteAddr("192.0.2.44"); return r; }))
                .andExpect(status().isOk());

        Map<String, Object> row = jdbc.sql("""
                        SELECT event_id, action, occurred_at, outcome, user_id, username, role, on_behalf_of,
                               source_address, object_type, object_id, pilot_id
                          FROM audit_event WHERE user_id = :u AND object_type = 'TRAJECTORY'""")
                .param("u", leader).query().singleRow();
        assertThat(row.get("event_id")).isInstanceOf(UUID.class);
        assertThat(row.get("action")).isEqualTo("R");
        assertThat(((java.sql.Timestamp) row.get("occurred_at")).getNanos()).as("to the second").isZero();
        assertThat(row.get("outcome")).isEqualTo("SUCCESS");
        assertThat(row.get("username")).isEqualTo(data.username(leader));
        assertThat(row.get("role")).isEqualTo("PROJECTLEIDER");
        assertThat(row.get("on_behalf_of")).isEqualTo("PILOT:" + pilot);
        assertThat(row.get("source_address")).isEqualTo("192.0.2.44");
        assertThat(row.get("object_id")).isEqualTo(String.valueOf(trajectory));
        assertThat(row.get("pilot_id")).isEqualTo(pilot);
    }

    @Test
    void theAdministratorSeesWhoDidWhatOnATrajectoryInAPeriodAndThatViewIsLogged() throws Exception {
        long trajectory = 900_000_000L + (long) (Math.random() * 1_000_000);
        String id = String.valueOf(trajectory);
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, user_id, username, role, action, event_type, object_type,
                                                 object_id, pilot_id, source_address, outcome)
                        VALUES ('2026-03-01T09:15:30Z', 7, 'poh.een', 'PRAKTIJKONDERSTEUNER', 'C', 'TRAJECTORY_CREATED',
                                'TRAJECTORY', :id, 3, '10.0.0.1', 'SUCCESS'),
                               ('2026-03-05T10:00:00Z', 7, 'poh.een', 'PRAKTIJKONDERSTEUNER', 'U', 'TRAJECTORY_UPDATED',
                                'TRAJECTORY', :id, 3, '10.0.0.1', 'SUCCESS'),
                               ('2026-04-02T22:30:00Z', 8, 'pl.twee', 'PROJECTLEIDER', 'R', 'TRAJECTORY_VIEWED',
                                'TRAJECTORY', :id, 3, '10.0.0.2', 'SUCCESS')""")
                .param("id", id).update();
        long adminId = data.user(Role.BEHEERDER);

        mvc.perform(get("/beheer/audit/traject/" + trajectory).param("van", "2026-03-02").param("tot", "2026-04-02")
                        .with(principals.as(adminId)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Auditlog van traject " + trajectory)))
                .andExpect(content().string(containsString("1 gebeurtenis<")))
                .andExpect(content().string(containsString("2026-03-05T10:00:00Z")))
                .andExpect(content().string(not(containsString("2026-03-01T09:15:30Z"))))
                // 22:30 UTC on 2 April is 3 April in Dutch time: outside a period ending on 2 April.
                .andExpect(content().string(not(containsString("2026-04-02T22:30:00Z"))));

        String csv = mvc.perform(get("/beheer/audit/traject/" + trajectory + "/export.csv").with(principals.as(adminId)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("audit-traject-" + trajectory + ".csv")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("event_id,volgnummer,tijdstip_utc,actie,gebeurtenis,uitkomst,gebruiker_id,"
                + "gebruiker,rol,namens,bronadres,objecttype,object_id,pilot_id,details");
        assertThat(lines.get(1)).matches("[0-9a-f-]{36},[0-9]+,2026-03-01T09:15:30Z,C,TRAJECTORY_CREATED,SUCCESS,7,"
                + "poh\\.een,PRAKTIJKONDERSTEUNER,,10\\.0\\.0\\.1,TRAJECTORY," + trajectory + ",3,");
        assertThat(lines.get(3)).contains(",2026-04-02T22:30:00Z,R,TRAJECTORY_VIEWED,SUCCESS,8,pl.twee,PROJECTLEIDER,");

        assertThat(jdbc.sql("""
                        SELECT event_type || '/' || action || '/' || object_id || '/' || details FROM audit_event
                         WHERE user_id = :u AND object_type = 'AUDIT_TRAIL' ORDER BY id""")
                .param("u", adminId).query(String.class).list())
                .containsExactly("AUDIT_TRAIL_VIEWED/R/TRAJECTORY:" + trajectory + "/van=2026-03-02, tot=2026-04-02, pagina=1",
                        "AUDIT_TRAIL_EXPORTED/E/TRAJECTORY:" + trajectory + "/van=-, tot=-, rijen=3");
    }

    @Test
    void theUserViewIsPagedAndAReversedPeriodIsRefused() throws Exception {
        long subject = data.user(Role.ONDERZOEKER);
        for (int i = 0; i < 51; i++) {
            jdbc.sql("""
                            INSERT INTO audit_event (occurred_at, user_id, username, action, event_type, outcome)
                            VALUES (:at, :u, 'x', 'R', 'EXPORT_PAGE_VIEWED', 'SUCCESS')""")
                    .param("at", OffsetDateTime.parse("2026-01-01T00:00:00Z").plusMinutes(i)).param("u", subject).update();
        }
        long adminId = data.user(Role.BEHEERDER);

        mvc.perform(get("/beheer/audit/gebruiker/" + subject).with(principals.as(adminId)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("51 gebeurtenissen")))
                .andExpect(content().string(containsString("Pagina 1 van 2")))
                .andExpect(content().string(containsString("2026-01-01T00:50:00Z")))
                .andExpect(content().string(not(containsString("2026-01-01T00:00:00Z"))));
        mvc.perform(get("/beheer/audit/gebruiker/" + subject).param("pagina", "1").with(principals.as(adminId)))
                .andExpect(content().string(containsString("Pagina 2 van 2")))
                .andExpect(content().string(containsString("2026-01-01T00:00:00Z")));
        mvc.perform(get("/beheer/audit/gebruiker/" + subject).param("van", "2026-02-01").param("tot", "2026-01-01")
                        .with(principals.as(adminId)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("De periode is ongeldig")));
        mvc.perform(get("/beheer/audit/gebruiker/" + subject).param("van", "gisteren").with(principals.as(adminId)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/beheer/audit").param("traject", "12a").with(principals.as(adminId)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vul een trajectnummer in")));
        mvc.perform(get("/beheer/audit").param("traject", " 12 ").with(principals.as(adminId)))
                .andExpect(redirectedUrl("/beheer/audit/traject/12"));
    }

    @Test
    void aFilteredWorklistIsLoggedAsASearchWithItsCriteriaButNotTheSearchText() throws Exception {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        TestData.Supporter supporter = data.supporter(pilot, "OJG", practice);

        mvc.perform(get("/trajecten").with(principals.as(supporter.userId())))
                .andExpect(status().isOk());
        mvc.perform(get("/trajecten").param("outcome", "VERWEZEN").param("from", "2026-01-01").param("q", "JV-77")
                        .with(principals.as(supporter.userId())))
                .andExpect(status().isOk());

        assertThat(jdbc.sql("""
                        SELECT event_type || '/' || action || '/' || object_id || '/' || coalesce(details, '-') FROM audit_event
                         WHERE user_id = :u ORDER BY id""")
                .param("u", supporter.userId()).query(String.class).list())
                .containsExactly("TRAJECTORY_LIST_VIEWED/R/WORKLIST/-",
                        "TRAJECTORY_SEARCH/R/WORKLIST/van=2026-01-01, uitkomst=VERWEZEN, zoektekst=opgegeven");
    }

    @Test
    void onlyTheAdministratorSeesTheAuditLog() throws Exception {
        for (Role role : List.of(Role.PROJECTLEIDER, Role.GEMEENTE, Role.ONDERZOEKER, Role.PRAKTIJKONDERSTEUNER)) {
            mvc.perform(get("/beheer/audit/gebruiker/1").with(principals.newUser(role))).andExpect(status().isForbidden());
            mvc.perform(get("/beheer/audit/traject/1/export.csv").with(principals.newUser(role)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/beheer/audit")).andExpect(redirectedUrl("/login"));
    }
}
