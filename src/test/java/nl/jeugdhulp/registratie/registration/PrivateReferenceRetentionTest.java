package nl.jeugdhulp.registratie.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class PrivateReferenceRetentionTest {

    @Autowired
    PrivateReferenceRetention retention;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    private void close(long trajectory, LocalDate end) {
        jdbc.sql("UPDATE trajectory SET end_date = :end, outcome = 'ZELF_AFGEROND' WHERE id = :id")
                .param("end", end).param("id", trajectory).update();
    }

    private String reference(long trajectory) {
        return jdbc.sql("SELECT private_reference FROM trajectory WHERE id = :id").param("id", trajectory)
                .query(String.class).optional().orElse(null);
    }

    @Test
    void referencesAreErasedTwelveMonthsAfterClosingAndNotADayEarlier() {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        TestData.Supporter supporter = data.supporter(pilot, "OJG", practice);
        LocalDate today = LocalDate.of(2026, 11, 22);
        long closedTwelveMonthsAgo = data.trajectory(supporter, practice, LocalDate.of(2025, 9, 1));
        close(closedTwelveMonthsAgo, LocalDate.of(2025, 11, 22));
        long closedADayLater = data.trajectory(supporter, practice, LocalDate.of(2025, 9, 1));
        close(closedADayLater, LocalDate.of(2025, 11, 23));
        long stillOpen = data.trajectory(supporter, practice, LocalDate.of(2020, 1, 6));
        int version = jdbc.sql("SELECT version FROM trajectory WHERE id = :id").param("id", closedTwelveMonthsAgo)
                .query(Integer.class).single();

        int erased = retention.erase(today);

        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(reference(closedTwelveMonthsAgo)).isNull();
        assertThat(reference(closedADayLater)).isEqualTo("AB-1");
        assertThat(reference(stillOpen)).isEqualTo("AB-1");
        assertThat(jdbc.sql("SELECT version FROM trajectory WHERE id = :id").param("id", closedTwelveMonthsAgo)
                .query(Integer.class).single()).as("an open edit form cannot write the reference back").isEqualTo(version + 1);
        List<String> audit = jdbc.sql("""
                        SELECT action || '/' || username || '/' || pilot_id || '/' || details FROM audit_event
                         WHERE event_type = 'PRIVATE_REFERENCE_ERASED' AND object_type = 'TRAJECTORY' AND object_id = :id""")
                .param("id", String.valueOf(closedTwelveMonthsAgo)).query(String.class).list();
        assertThat(audit).containsExactly("U/SYSTEEM/" + pilot + "/afgesloten op of voor 2025-11-22 (12 maanden)");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE event_type = 'PRIVATE_REFERENCE_ERASED'
                           AND object_id IN (:ids)""")
                .param("ids", List.of(String.valueOf(closedADayLater), String.valueOf(stillOpen)))
                .query(Long.class).single()).isZero();

        assertThat(retention.erase(today.plusDays(1))).as("the day after, the second one goes too").isGreaterThanOrEqualTo(1);
        assertThat(reference(closedADayLater)).isNull();
    }
}
