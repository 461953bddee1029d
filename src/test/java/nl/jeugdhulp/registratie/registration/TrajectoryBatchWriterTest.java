package nl.jeugdhulp.registratie.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import's writer stores a full segment's CAP-J codes and history rows while the next rows are
 * read: when the caller pauses it right after a segment (to run a statement of its own), everything
 * added so far is stored first, and nothing is lost or doubled.
 */
@SpringBootTest
@ActiveProfiles("test")
class TrajectoryBatchWriterTest {

    @Autowired
    TrajectoryBatch batch;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void pausingRightAfterASegmentStoresEveryRowWithItsCodeAndHistory() {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        String code = batch.knownCapjCodes().stream().sorted().findFirst().orElseThrow();
        int first = TrajectoryBatch.SEGMENT + 300;
        int second = 900;

        long[] seenAtPause = new TransactionTemplate(transactions).execute(status -> {
            TrajectoryBatch.Writer writer = batch.writer(Instant.parse("2026-01-05T10:00:00Z"));
            for (int i = 0; i < first; i++) {
                writer.add(supporter.id(), "W" + i, null, row(practice, code, i));
            }
            writer.pause();
            // A statement of the caller's own, as a pilot import runs one between rows.
            long[] counts = counts(supporter.id());
            for (int i = first; i < first + second; i++) {
                writer.add(supporter.id(), "W" + i, null, row(practice, code, i));
            }
            writer.flush();
            assertThat(writer.created()).isEqualTo(first + second);
            return counts;
        });

        assertThat(seenAtPause).containsExactly(first, first, first);
        assertThat(counts(supporter.id())).containsExactly(first + second, first + second, first + second);
        assertThat(jdbc.sql("SELECT help_request FROM trajectory WHERE supporter_id = :s AND source_id = 'W5299'")
                .param("s", supporter.id()).query(String.class).single()).isEqualTo("Vraag \"5299\"");
    }

    /** Trajectories, their CAP-J rows and their history rows of the supporter. */
    private long[] counts(long supporterId) {
        return new long[] {
                jdbc.sql("SELECT count(*) FROM trajectory WHERE supporter_id = :s").param("s", supporterId)
                        .query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM trajectory_capj c JOIN trajectory t ON t.id = c.trajectory_id WHERE t.supporter_id = :s")
                        .param("s", supporterId).query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM change_revision r JOIN trajectory t ON t.id = r.trajectory_id WHERE t.supporter_id = :s")
                        .param("s", supporterId).query(Long.class).single()};
    }

    private static TrajectoryData row(long practice, String code, int i) {
        return new TrajectoryData(practice, null, null, null, null, null, LocalDate.of(2025, 3, 1).plusDays(i % 100),
                "Vraag \"" + i + "\"", List.of(code), null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
