package nl.jeugdhulp.registratie.registration;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import nl.jeugdhulp.registratie.registration.Codes.Applicant;
import nl.jeugdhulp.registratie.registration.Codes.Diagnosis;
import nl.jeugdhulp.registratie.registration.Codes.DiagnosisQuestion;
import nl.jeugdhulp.registratie.registration.Codes.Intervention;
import nl.jeugdhulp.registratie.registration.Codes.OtherReason;
import nl.jeugdhulp.registratie.registration.Codes.Outcome;

/**
 * The validation rules of a trajectory (registration.md), shared by the web form and the import so
 * both refuse the same things. All violations are returned at once. The database's CHECK
 * constraints mirror the structural ones; the "required for a new registration" rules are
 * stricter than the database, which also holds historic imports with unknown values.
 */
public final class TrajectoryRules {

    public static final int MAX_AGE = 23;
    public static final int MAX_CONTACTS = 200;
    public static final int MAX_CAPJ = 5;

    private TrajectoryRules() {
    }

    /**
     * @param data         normalised data
     * @param today        the date that counts as today (dates may not be later)
     * @param knownCapj    which of the given CAP-J codes exist
     * @param practiceOk   whether the supporter serves a practice
     */
    public static List<Violation> check(TrajectoryData data, LocalDate today, Set<String> knownCapj,
                                        LongPredicate practiceOk) {
        List<Violation> v = new ArrayList<>();
        if (data.practiceId() == null) {
            v.add(new Violation("practiceId", "trajectory.practice.required"));
        } else if (!practiceOk.test(data.practiceId())) {
            v.add(new Violation("practiceId", "trajectory.practice.notyours"));
        }
        if (data.privateReference() != null && data.privateReference().length() > 20) {
            v.add(new Violation("privateReference", "trajectory.reference.length"));
        }
        checkDates(data, today, v);
        checkBirth(data, v);
        if (data.gender() == null) {
            v.add(new Violation("gender", "trajectory.gender.required"));
        }
        if (data.helpRequest() == null) {
            v.add(new Violation("helpRequest", "trajectory.helpRequest.required"));
        } else if (data.helpRequest().length() > 2000) {
            v.add(new Violation("helpRequest", "trajectory.helpRequest.length"));
        }
        checkCapj(data.capjCodes(), knownCapj, v);
        checkDiagnosis(data, v);
        if (data.applicants() == null || data.applicants().isEmpty()) {
            v.add(new Violation("applicants", "trajectory.applicants.required"));
        } else if (data.applicants().contains(Applicant.ANDERS) && data.applicantOther() == null) {
            v.add(new Violation("applicantOther", "trajectory.other.required"));
        }
        if (data.contacts() == null) {
            v.add(new Violation("contacts", "trajectory.contacts.required"));
        } else if (data.contacts() < 0 || data.contacts() > MAX_CONTACTS) {
            v.add(new Violation("contacts", "trajectory.contacts.range", MAX_CONTACTS));
        }
        if (data.interventions() != null && data.interventions().contains(Intervention.ANDERS)
                && data.interventionOther() == null) {
            v.add(new Violation("interventionOther", "trajectory.other.required"));
        }
        checkClosing(data, v);
        // The short free texts have column limits (V4); without these checks a long text was a 409.
        checkLength(data.diagnosisOther(), "diagnosisOther", 100, v);
        checkLength(data.applicantOther(), "applicantOther", 100, v);
        checkLength(data.interventionOther(), "interventionOther", 100, v);
        checkLength(data.otherReasonText(), "otherReasonText", 100, v);
        checkLength(data.chainPartner(), "chainPartner", 150, v);
        return v;
    }

    private static void checkLength(String text, String field, int max, List<Violation> v) {
        if (text != null && text.length() > max) {
            v.add(new Violation(field, "trajectory.text.length", max));
        }
    }

    private static void checkDates(TrajectoryData d, LocalDate today, List<Violation> v) {
        if (d.startDate() == null) {
            v.add(new Violation("startDate", "trajectory.startDate.required"));
        } else if (d.startDate().isAfter(today)) {
            v.add(new Violation("startDate", "date.future"));
        }
        if (d.registrationDate() != null) {
            if (d.registrationDate().isAfter(today)) {
                v.add(new Violation("registrationDate", "date.future"));
            } else if (d.startDate() != null && d.registrationDate().isAfter(d.startDate())) {
                v.add(new Violation("registrationDate", "trajectory.registrationDate.afterStart"));
            }
        }
        if (d.lastContactDate() != null) {
            if (d.lastContactDate().isAfter(today)) {
                v.add(new Violation("lastContactDate", "date.future"));
            } else if (d.startDate() != null && d.lastContactDate().isBefore(d.startDate())) {
                v.add(new Violation("lastContactDate", "trajectory.lastContact.beforeStart"));
            } else if (d.endDate() != null && d.lastContactDate().isAfter(d.endDate())) {
                v.add(new Violation("lastContactDate", "trajectory.lastContact.afterEnd"));
            }
        }
        if (d.endDate() != null) {
            if (d.endDate().isAfter(today)) {
                v.add(new Violation("endDate", "date.future"));
            } else if (d.startDate() != null && d.endDate().isBefore(d.startDate())) {
                v.add(new Violation("endDate", "trajectory.endDate.beforeStart"));
            }
        }
    }

    private static void checkBirth(TrajectoryData d, List<Violation> v) {
        if (d.birthMonth() == null) {
            v.add(new Violation("birthMonth", "trajectory.birthMonth.required"));
        } else if (d.birthMonth() < 1 || d.birthMonth() > 12) {
            v.add(new Violation("birthMonth", "trajectory.birthMonth.range"));
        }
        if (d.birthYear() == null) {
            v.add(new Violation("birthYear", "trajectory.birthYear.required"));
        } else if (d.birthYear() < 1900 || d.birthYear() > 2200) {
            v.add(new Violation("birthYear", "trajectory.birthYear.range"));
        } else if (d.birthMonth() != null && d.birthMonth() >= 1 && d.birthMonth() <= 12 && d.startDate() != null) {
            int age = ageAt(d.birthYear(), d.birthMonth(), d.startDate());
            if (age < 0 || age > MAX_AGE) {
                v.add(new Violation("birthYear", "trajectory.age.range", MAX_AGE));
            }
        }
    }

    /** Whole years at {@code day}, counted from the 15th of the birth month; -1 when born later. */
    public static int ageAt(int birthYear, int birthMonth, LocalDate day) {
        LocalDate born = LocalDate.of(birthYear, birthMonth, 15);
        if (born.withDayOfMonth(1).isAfter(day)) {
            return -1;
        }
        return born.isAfter(day) ? 0 : Period.between(born, day).getYears();
    }

    private static void checkCapj(List<String> codes, Set<String> known, List<Violation> v) {
        if (codes == null || codes.isEmpty()) {
            v.add(new Violation("capjCodes", "trajectory.capj.required"));
            return;
        }
        if (codes.size() > MAX_CAPJ) {
            v.add(new Violation("capjCodes", "trajectory.capj.max", MAX_CAPJ));
        }
        if (new HashSet<>(codes).size() != codes.size()) {
            v.add(new Violation("capjCodes", "trajectory.capj.duplicate"));
        }
        codes.stream().filter(c -> !known.contains(c)).findFirst()
                .ifPresent(c -> v.add(new Violation("capjCodes", "trajectory.capj.unknown", c)));
    }

    private static void checkDiagnosis(TrajectoryData d, List<Violation> v) {
        if (d.diagnosisQuestion() == DiagnosisQuestion.EERDERE_DIAGNOSE) {
            if (d.diagnosis() == null) {
                v.add(new Violation("diagnosis", "trajectory.diagnosis.required"));
            } else if (d.diagnosis() == Diagnosis.ANDERS && d.diagnosisOther() == null) {
                v.add(new Violation("diagnosisOther", "trajectory.other.required"));
            }
        }
    }

    private static void checkClosing(TrajectoryData d, List<Violation> v) {
        if (d.endDate() == null) {
            if (d.outcome() != null) {
                v.add(new Violation("endDate", "trajectory.endDate.requiredWithOutcome"));
            }
            return;
        }
        if (d.outcome() == null) {
            v.add(new Violation("outcome", "trajectory.outcome.required"));
            return;
        }
        if (d.outcome() == Outcome.ANDERS) {
            if (d.otherReason() == null) {
                v.add(new Violation("otherReason", "trajectory.otherReason.required"));
            } else if (d.otherReason() == OtherReason.ANDERS && d.otherReasonText() == null) {
                v.add(new Violation("otherReasonText", "trajectory.other.required"));
            }
        }
        if (d.outcome() == Outcome.VERWEZEN) {
            if (d.referralMoment() == null) {
                v.add(new Violation("referralMoment", "trajectory.referralMoment.required"));
            }
            if (d.destinations() == null || d.destinations().isEmpty()) {
                v.add(new Violation("destinations", "trajectory.destinations.required"));
            }
        }
    }
}
