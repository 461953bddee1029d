package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The import job checks every row again: a row the dry run accepted is refused when it has become
 * invalid before the import ran. And new rows are copied in segments of
 * {@code TrajectoryBatch.SEGMENT} (5,000) while the file is read: a problem after the first segment
 * still stores nothing (all or nothing), and "only the valid rows" stores every row of every segment.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ImportRecheckTest {

    private static final String HEADER = "bron_id;praktijk;geboortejaar;geboortemaand;geslacht;startdatum;hulpvraag;"
            + "capj_1;aanmelder_ouders;aantal_contacten\r\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportJobs jobs;

    long practiceA;
    long practiceB;
    String nameA;
    String nameB;
    Supporter supporter;
    MockHttpSession session;

    @BeforeEach
    void setUp() {
        long pilot = data.pilot();
        practiceA = data.practice(pilot, data.municipality());
        practiceB = data.practice(pilot, data.municipality());
        nameA = name(practiceA);
        nameB = name(practiceB);
        supporter = data.supporter(pilot, "POH_JEUGD", practiceA, practiceB);
        session = new MockHttpSession();
    }

    private String name(long practice) {
        return jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", practice).query(String.class).single();
    }

    private static String row(String sourceId, String practice, String capj) {
        return sourceId + ";" + practice + ";2014;5;V;3-2-2025;Vraag " + sourceId + ";" + capj + ";1;2\r\n";
    }

    private MvcResult upload(String text) throws Exception {
        return mvc.perform(multipart("/import")
                .file(new MockMultipartFile("bestand", "t.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8)))
                .with(principals.as(supporter.userId())).with(csrf()).session(session)).andReturn();
    }

    private MvcResult run(MvcResult checked, boolean validOnly) throws Exception {
        String id = (String) checked.getModelAndView().getModel().get("uploadId");
        String location = mvc.perform(post("/import/" + id).param("alleenGeldig", String.valueOf(validOnly))
                        .with(principals.as(supporter.userId())).with(csrf()).session(session))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/import/taak/");
        jobs.awaitFinished(location.substring("/import/taak/".length()), Duration.ofMinutes(5));
        return mvc.perform(get(location).with(principals.as(supporter.userId())).session(session)).andReturn();
    }

    private static ImportPlan plan(MvcResult result) {
        return (ImportPlan) result.getModelAndView().getModel().get("plan");
    }

    private int stored() {
        return jdbc.sql("SELECT count(*) FROM trajectory WHERE supporter_id = :s").param("s", supporter.id())
                .query(Integer.class).single();
    }

    private void stopServing(long practice) {
        jdbc.sql("DELETE FROM supporter_practice WHERE supporter_id = :s AND practice_id = :p")
                .param("s", supporter.id()).param("p", practice).update();
    }

    @Test
    void aRowThatBecameInvalidAfterTheDryRunIsRefusedByTheJob() throws Exception {
        String file = HEADER + row("A1", nameA, "A-102") + row("B1", nameB, "E-103");
        MvcResult checked = upload(file);
        assertThat(plan(checked).newRows()).isEqualTo(2);
        assertThat(plan(checked).problems()).isEmpty();

        // Between the dry run and "Importeren" the supporter stops working at practice B.
        stopServing(practiceB);
        MvcResult allOrNothing = run(checked, false);
        assertThat(allOrNothing.getResponse().getStatus()).isEqualTo(422);
        assertThat(plan(allOrNothing).problems()).containsExactly(
                "trajecten, rij 3, kolom praktijk: Praktijk \"" + nameB + "\" is niet een van uw praktijken.");
        assertThat(stored()).isZero();

        // Valid rows only: the same file checked while B was served again, then B taken away once more.
        jdbc.sql("INSERT INTO supporter_practice (supporter_id, practice_id) VALUES (:s, :p)")
                .param("s", supporter.id()).param("p", practiceB).update();
        MvcResult again = upload(file);
        assertThat(plan(again).problems()).isEmpty();
        stopServing(practiceB);
        MvcResult validOnly = run(again, true);
        assertThat(validOnly.getResponse().getStatus()).isEqualTo(200);
        assertThat(plan(validOnly).newRows()).isEqualTo(1);
        assertThat(plan(validOnly).rejectedRows()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT source_id FROM trajectory WHERE supporter_id = :s").param("s", supporter.id())
                .query(String.class).list()).containsExactly("A1");
    }

    @Test
    void rowsBeyondOneCopySegmentAreAllOrNothingAndAllStoredWhenValidOnly() throws Exception {
        // 5,001 valid rows (one more than a segment), then one with an unknown practice.
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 5_001; i++) {
            file.append(row("S" + i, i % 2 == 0 ? nameA : nameB, i % 2 == 0 ? "A-102" : "E-103"));
        }
        file.append(row("BAD", "Geen praktijk", "A-102"));

        MvcResult checked = upload(file.toString());
        assertThat(plan(checked).newRows()).isEqualTo(5_001);
        assertThat(plan(checked).rejectedRows()).isEqualTo(1);
        assertThat(plan(checked).problems()).containsExactly(
                "trajecten, rij 5003, kolom praktijk: Praktijk \"Geen praktijk\" is niet een van uw praktijken.");
        MvcResult allOrNothing = run(checked, false);
        assertThat(allOrNothing.getResponse().getStatus()).isEqualTo(422);
        assertThat(stored()).isZero();

        MvcResult validOnly = run(upload(file.toString()), true);
        assertThat(validOnly.getResponse().getContentAsString()).contains("Geïmporteerd: 5.001 nieuw, 0 bijgewerkt.");
        Map<String, Object> totals = jdbc.sql("""
                        SELECT count(*) AS n, count(DISTINCT t.id) AS ids, sum(t.contacts) AS contacts,
                               count(*) FILTER (WHERE t.practice_id = :a) AS at_a,
                               (SELECT count(*) FROM trajectory_capj c JOIN trajectory u ON u.id = c.trajectory_id
                                 WHERE u.supporter_id = :s AND c.position = 1
                                   AND c.capj_code = CASE WHEN u.practice_id = :a THEN 'A102' ELSE 'E103' END) AS capj,
                               (SELECT count(*) FROM change_revision r JOIN trajectory u ON u.id = r.trajectory_id
                                 WHERE u.supporter_id = :s AND r.event = 'IMPORTED'
                                   AND r.created_values @> ARRAY['Vraag ' || u.source_id]) AS history
                          FROM trajectory t WHERE t.supporter_id = :s""")
                .param("s", supporter.id()).param("a", practiceA).query().singleRow();
        // 2 contacts each; rows 0, 2, …, 5,000 at practice A: 2,501.
        assertThat(totals).containsEntry("n", 5_001L).containsEntry("ids", 5_001L).containsEntry("contacts", 10_002L)
                .containsEntry("at_a", 2_501L).containsEntry("capj", 5_001L).containsEntry("history", 5_001L);
    }
}
