package nl.jeugdhulp.registratie.registration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The database refuses what the rules refuse, whatever writes to it. */
@SpringBootTest
@ActiveProfiles("test")
class TrajectoryConstraintsTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    long id;

    @BeforeEach
    void setUp() {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        Supporter supporter = data.supporter(pilot, "SOH_JGGZ", practice);
        id = data.trajectory(supporter, practice, LocalDate.of(2026, 3, 10));
    }

    void update(String set) {
        jdbc.sql("UPDATE trajectory SET " + set + " WHERE id = :id").param("id", id).update();
    }

    @Test
    void aValidClosedReferralIsAccepted() {
        assertThatCode(() -> update("end_date = '2026-04-01', outcome = 'VERWEZEN', referral_moment = 'NA_BEHANDELING', "
                + "referral_destinations = '{SGGZ,BGGZ}'")).doesNotThrowAnyException();
    }

    @Test
    void endDateBeforeStartIsRefused() {
        assertThatThrownBy(() -> update("end_date = '2026-03-01', outcome = 'ZELF_AFGEROND'"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("trajectory_end_after_start");
    }

    @Test
    void closedWithoutOutcomeIsRefused() {
        assertThatThrownBy(() -> update("end_date = '2026-04-01'"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("trajectory_outcome_when_closed");
    }

    @Test
    void referredWithoutDestinationsOrMomentIsRefused() {
        assertThatThrownBy(() -> update("end_date = '2026-04-01', outcome = 'VERWEZEN', referral_moment = 'NA_BEHANDELING'"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("trajectory_referral_complete");
        assertThatThrownBy(() -> update("end_date = '2026-04-01', outcome = 'VERWEZEN', referral_destinations = '{SGGZ}'"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("trajectory_referral_complete");
        assertThatThrownBy(() -> update("end_date = '2026-04-01', outcome = 'VERWEZEN', referral_moment = 'NA_BEHANDELING', "
                + "referral_destinations = '{}'"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("trajectory_referral_complete");
    }

    @Test
    void destinationsWithoutReferralAndReasonWithoutOtherOutcomeAreRefused() {
        assertThatThrownBy(() -> update("end_date = '2026-04-01', outcome = 'ZELF_AFGEROND', referral_destinations = '{SGGZ}'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> update("end_date = '2026-04-01', outcome = 'ANDERS'"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("trajectory_reason_when_other");
    }

    @Test
    void unknownCodesAndAgeOver23AreRefused() {
        assertThatThrownBy(() -> update("interventions = '{TRIAGE_SCREENING,HYPNOSE}'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        // Start 10-03-2026: born 15-02-2002 is 24 years old, born 15-03-2002 still 23.
        assertThatThrownBy(() -> update("birth_year = 2002, birth_month = 2"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("trajectory_age_range");
        assertThatCode(() -> update("birth_year = 2002, birth_month = 3")).doesNotThrowAnyException();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO trajectory_capj VALUES (:id, 2, 'Z999')").param("id", id).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void registrationAfterStartAndLastContactOutsideThePeriodAreRefused() {
        assertThatThrownBy(() -> update("registration_date = '2026-03-11'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> update("last_contact_date = '2026-03-09'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> update("contacts = 201")).isInstanceOf(DataIntegrityViolationException.class);
    }
}
