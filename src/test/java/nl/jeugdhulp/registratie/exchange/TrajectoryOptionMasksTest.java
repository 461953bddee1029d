package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * V19's bit masks of the multi-answer groups, which the ZIP export reads instead of the arrays: bit i is
 * option i of the exchange format's 0/1 columns, kept by PostgreSQL on every insert and update, and not
 * writable.
 */
@SpringBootTest
@ActiveProfiles("test")
class TrajectoryOptionMasksTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    long trajectory;

    @BeforeEach
    void setUp() {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);
        trajectory = data.trajectory(supporter, practice, LocalDate.of(2026, 1, 10)); // applicants {OUDERS}
    }

    private Integer mask(String column) {
        return jdbc.sql("SELECT " + column + "_mask FROM trajectory WHERE id = :id").param("id", trajectory)
                .query(Integer.class).optional().orElse(null);
    }

    private void set(String column, String array) {
        String closing = column.equals("referral_destinations")
                ? ", end_date = DATE '2026-02-01', outcome = 'VERWEZEN', referral_moment = 'NA_BEHANDELING'" : "";
        jdbc.sql("UPDATE trajectory SET " + column + " = CAST(:codes AS VARCHAR[])" + closing + " WHERE id = :id")
                .param("codes", array).param("id", trajectory).update();
    }

    @Test
    void everyOptionIsTheBitOfItsPlaceAmongTheGroupsColumnsInTheFile() {
        Map<String, String> columns = Map.of(ExchangeColumns.AANMELDER, "applicants", ExchangeColumns.INTERVENTIE,
                "interventions", ExchangeColumns.OVERLEG, "consultations", ExchangeColumns.VERWIJZING, "referral_destinations");
        columns.forEach((group, column) -> {
            List<String> options = ExchangeColumns.group(group).stream().map(ExchangeColumns.Column::option).toList();
            assertThat(options).as(group).hasSizeBetween(4, 10);
            for (int i = 0; i < options.size(); i++) {
                set(column, "{" + options.get(i) + "}");
                assertThat(mask(column)).as(column + " " + options.get(i)).isEqualTo(1 << i);
            }
        });
    }

    @Test
    void notRegisteredIsNullNoneIsZeroAndSeveralAreTheirBitsWhateverTheOrder() {
        assertThat(mask("applicants")).isEqualTo(0b10); // OUDERS, as the trajectory was inserted
        assertThat(mask("interventions")).isNull();
        set("interventions", "{}");
        assertThat(mask("interventions")).isZero();
        set("interventions", "{ANDERS,TRIAGE_SCREENING,PSYCHO_EDUCATIE}");
        assertThat(mask("interventions")).isEqualTo(0b10_0000_0011);
        set("applicants", "{ANDERS,JEUGDIGE}");
        assertThat(mask("applicants")).isEqualTo(0b1_0001);
        set("consultations", "{SCHOOL,HUISARTS}");
        assertThat(mask("consultations")).isEqualTo(0b1001);
        set("referral_destinations", "{JEUGDCONSULENT,BGGZ}");
        assertThat(mask("referral_destinations")).isEqualTo(0b100_0010);
        set("consultations", null);
        assertThat(mask("consultations")).isNull();
    }

    @Test
    void theMasksCannotBeWrittenDirectly() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE trajectory SET applicants_mask = 1 WHERE id = :id")
                .param("id", trajectory).update()).isInstanceOf(DataAccessException.class);
        assertThat(mask("applicants")).isEqualTo(0b10);
    }
}
