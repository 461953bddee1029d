package nl.jeugdhulp.registratie.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.jeugdhulp.registratie.registration.Codes;
import nl.jeugdhulp.registratie.registration.TrajectoryData;
import nl.jeugdhulp.registratie.registration.TrajectoryRules;
import nl.jeugdhulp.registratie.registration.Violation;
import org.junit.jupiter.api.Test;

/**
 * The product ships demo data that its own form (and so its own import) accepts: every generated
 * trajectory passes {@link TrajectoryRules}, whatever the day it is generated on.
 */
class DemoTrajectoryRulesTest {

    @Test
    void everyDemoTrajectoryPassesTheFormsRules() {
        Set<String> capj = new HashSet<>();
        for (LocalDate today : List.of(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 19), LocalDate.of(2027, 1, 1),
                LocalDate.of(2028, 2, 29))) {
            List<DemoTrajectory> all = new DemoTrajectoryGenerator(DemoDataSeeder.SEED, today).generate();
            assertThat(all).hasSize(2500);
            all.forEach(t -> capj.addAll(t.capjCodes()));
            for (DemoTrajectory t : all) {
                List<Violation> violations = TrajectoryRules.check(data(t), today, capj, practice -> true);
                assertThat(violations).as("%s on %s", t, today).isEmpty();
            }
        }
    }

    private static TrajectoryData data(DemoTrajectory t) {
        return new TrajectoryData(1L, t.privateReference(), t.birthMonth(), t.birthYear(),
                Codes.Gender.valueOf(t.gender()), t.registrationDate(), t.startDate(), t.helpRequest(), t.capjCodes(),
                code(Codes.DiagnosisQuestion.class, t.diagnosisQuestion()), code(Codes.Diagnosis.class, t.diagnosis()),
                t.diagnosisOther(), set(Codes.Applicant.class, t.applicants()), t.applicantOther(), t.contacts(),
                t.lastContactDate(), set(Codes.Intervention.class, t.interventions()), t.interventionOther(),
                set(Codes.Consultation.class, t.consultations()), t.endDate(), code(Codes.Outcome.class, t.outcome()),
                code(Codes.OtherReason.class, t.outcomeOtherReason()), t.outcomeOtherText(),
                code(Codes.ReferralMoment.class, t.referralMoment()), set(Codes.Destination.class, t.referralDestinations()),
                t.chainPartner()).normalised();
    }

    private static <E extends Enum<E>> E code(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static <E extends Enum<E>> Set<E> set(Class<E> type, List<String> values) {
        if (values == null) {
            return null;
        }
        Set<E> set = EnumSet.noneOf(type);
        values.forEach(v -> set.add(Enum.valueOf(type, v)));
        return set;
    }
}
