package nl.jeugdhulp.registratie.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.database.ReportingDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Reports read from a separate read-only connection when one is configured. Here it points at the
 * test database itself, as a replica would mirror the primary; what is checked is that reports go
 * through it and that it cannot write.
 */
@SpringBootTest(properties = {
        "app.reporting.datasource.url=${spring.datasource.url}",
        "app.reporting.datasource.username=${spring.datasource.username}",
        "app.reporting.datasource.password=${spring.datasource.password}"})
@ActiveProfiles("test")
class ReportingReplicaTest {

    @Autowired
    ReportingDatabase database;
    @Autowired
    ReportService reports;
    @Autowired
    TestData data;

    @Test
    void reportsReadThroughTheReadOnlyReplicaConnection() {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        data.trajectory(supporter, practice, LocalDate.of(2024, 2, 1));
        data.trajectory(supporter, practice, LocalDate.of(2024, 3, 1));

        Report report = reports.report(new ReportFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                pilot, null, null, null, null), ReportScope.everything());

        assertThat(database.replica()).isTrue();
        assertThat(report.openAtEnd()).isEqualTo(2);
        assertThat(report.waiting().started()).isEqualTo(2);
        assertThatThrownBy(() -> database.jdbc().sql("DELETE FROM trajectory").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("read-only");
    }
}
