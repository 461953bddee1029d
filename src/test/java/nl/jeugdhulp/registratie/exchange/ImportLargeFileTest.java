package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 50,000 trajectories in one file, generated here: dry run and import (a background job) store
 * exactly those rows. The elapsed times are printed, not asserted (the machine is shared).
 */
@SpringBootTest(properties = "app.import.max-unpacked-size=2MB")
@AutoConfigureMockMvc
@ActiveProfiles("test")
public class ImportLargeFileTest {

    /** Also the size of the import in the benchmark (benchmark.PerformanceBenchmark), which reuses {@link #csv}. */
    public static final int ROWS = 50_000;
    static final LocalDate FIRST_START = LocalDate.of(2025, 1, 1);

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

    /** Row i: born 2010 + i % 8 in month 1 + i % 12, i % 20 contacts, every third one closed. */
    public static byte[] csv(String practice) {
        StringBuilder out = new StringBuilder(ROWS * 140);
        out.append("bron_id;praktijk;geboortejaar;geboortemaand;geslacht;startdatum;einddatum;hulpvraag;capj_1;"
                + "aanmelder_ouders;aanmelder_school;aantal_contacten;interventie_triage;afronding\r\n");
        for (int i = 0; i < ROWS; i++) {
            LocalDate start = FIRST_START.plusDays(i % 200);
            boolean closed = i % 3 == 0;
            out.append("L").append(i).append(';').append(practice).append(';').append(2010 + i % 8).append(';')
                    .append(1 + i % 12).append(';').append(i % 2 == 0 ? "V" : "M").append(';')
                    .append(start.getDayOfMonth()).append('-').append(start.getMonthValue()).append('-').append(start.getYear())
                    .append(';').append(closed ? start.plusDays(30).toString() : "").append(';')
                    .append("Vraag ").append(i).append(';').append(i % 2 == 0 ? "A-102" : "E-103").append(";1;")
                    .append(i % 5 == 0 ? 1 : 0).append(';').append(i % 20).append(';').append(i % 2).append(';')
                    .append(closed ? "ZELF_AFGEROND" : "").append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fiftyThousandRowsAreImportedExactly() throws Exception {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        String practiceName = jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", practice)
                .query(String.class).single();
        Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        RequestPostProcessor as = principals.as(supporter.userId());
        MockHttpSession session = new MockHttpSession();
        byte[] file = csv(practiceName);

        long t0 = System.nanoTime();
        MvcResult checked = mvc.perform(multipart("/import")
                .file(new MockMultipartFile("bestand", "groot.csv", "text/csv", file))
                .with(as).with(csrf()).session(session)).andReturn();
        long t1 = System.nanoTime();
        ImportPlan plan = (ImportPlan) checked.getModelAndView().getModel().get("plan");
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.newRows()).isEqualTo(ROWS);
        String uploadId = (String) checked.getModelAndView().getModel().get("uploadId");
        String location = mvc.perform(post("/import/" + uploadId).with(as).with(csrf()).session(session))
                .andReturn().getResponse().getRedirectedUrl();
        jobs.awaitFinished(location.substring("/import/taak/".length()), Duration.ofMinutes(10));
        long t2 = System.nanoTime();
        System.out.printf("Import of %d rows (%d kB): dry run %d ms, import job %d ms%n", ROWS, file.length / 1024,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);

        String page = mvc.perform(get(location).with(as).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Geïmporteerd: 50.000 nieuw, 0 bijgewerkt.");
        Map<String, Object> totals = jdbc.sql("""
                        SELECT count(*) AS n, sum(contacts) AS contacts, count(end_date) AS closed,
                               count(*) FILTER (WHERE 'SCHOOL' = ANY (applicants)) AS school,
                               count(*) FILTER (WHERE interventions = '{TRIAGE_SCREENING}') AS triage,
                               count(*) FILTER (WHERE interventions = '{}') AS none
                          FROM trajectory WHERE supporter_id = :s""")
                .param("s", supporter.id()).query().singleRow();
        // contacts: i % 20 sums to 190 per 20 rows, 2,500 blocks; closed: i % 3 == 0 for 16,667 of 50,000.
        assertThat(((Number) totals.get("n")).intValue()).isEqualTo(ROWS);
        assertThat(((Number) totals.get("contacts")).longValue()).isEqualTo(190L * 2_500);
        assertThat(((Number) totals.get("closed")).intValue()).isEqualTo(16_667);
        assertThat(((Number) totals.get("school")).intValue()).isEqualTo(10_000);
        assertThat(((Number) totals.get("triage")).intValue()).isEqualTo(25_000);
        assertThat(((Number) totals.get("none")).intValue()).isEqualTo(25_000);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM trajectory_capj c JOIN trajectory t ON t.id = c.trajectory_id
                         WHERE t.supporter_id = :s AND c.capj_code = 'E103' AND c.position = 1""")
                .param("s", supporter.id()).query(Integer.class).single()).isEqualTo(25_000);
        // Row 49,999: born 2010 + 7 in month 1 + 7, started 2025-01-01 + 199 days, open, 19 contacts.
        Map<String, Object> last = jdbc.sql("""
                        SELECT birth_year, birth_month, gender, start_date::text AS start, end_date, contacts, help_request
                          FROM trajectory WHERE supporter_id = :s AND source_id = 'L49999'""")
                .param("s", supporter.id()).query().singleRow();
        assertThat(last).containsEntry("birth_year", 2017).containsEntry("birth_month", 8).containsEntry("gender", "M")
                .containsEntry("start", "2025-07-19").containsEntry("contacts", 19).containsEntry("help_request", "Vraag 49999");
        assertThat(last.get("end_date")).isNull();
        assertThat(jdbc.sql("""
                        SELECT details FROM audit_event WHERE event_type = 'TRAJECTORIES_IMPORTED' AND username = :u""")
                .param("u", supporter.username()).query(String.class).single())
                .isEqualTo("nieuw=50000, bijgewerkt=0, afgewezen=0, bestand=groot.csv");
    }

    /** Waits for the import job behind a {@code /import/taak/{id}} location to finish (for the benchmark's other package). */
    public static void awaitJob(org.springframework.context.ApplicationContext context, String location) throws Exception {
        context.getBean(ImportJobs.class).awaitFinished(location.substring("/import/taak/".length()), Duration.ofMinutes(10));
    }
}
