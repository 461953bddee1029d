package nl.jeugdhulp.registratie.registration;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.jeugdhulp.registratie.registration.Codes.Applicant;
import nl.jeugdhulp.registratie.registration.Codes.Consultation;
import nl.jeugdhulp.registratie.registration.Codes.Destination;
import nl.jeugdhulp.registratie.registration.Codes.Diagnosis;
import nl.jeugdhulp.registratie.registration.Codes.DiagnosisQuestion;
import nl.jeugdhulp.registratie.registration.Codes.Gender;
import nl.jeugdhulp.registratie.registration.Codes.Intervention;
import nl.jeugdhulp.registratie.registration.Codes.OtherReason;
import nl.jeugdhulp.registratie.registration.Codes.Outcome;
import nl.jeugdhulp.registratie.registration.Codes.ReferralMoment;

/**
 * Everything a supporter records about one trajectory, as the web form and the import deliver it.
 * Multi-answer sets are null when not registered (missing) and empty when registered as none.
 */
public record TrajectoryData(Long practiceId, String privateReference, Integer birthMonth, Integer birthYear,
                             Gender gender, LocalDate registrationDate, LocalDate startDate, String helpRequest,
                             List<String> capjCodes, DiagnosisQuestion diagnosisQuestion, Diagnosis diagnosis,
                             String diagnosisOther, Set<Applicant> applicants, String applicantOther, Integer contacts,
                             LocalDate lastContactDate, Set<Intervention> interventions, String interventionOther,
                             Set<Consultation> consultations, LocalDate endDate, Outcome outcome,
                             OtherReason otherReason, String otherReasonText, ReferralMoment referralMoment,
                             Set<Destination> destinations, String chainPartner) {

    /**
     * Trims text, turns blanks into null and drops answers that do not apply (a reason without the
     * outcome "anders", destinations without a referral, ...), as the form hides them.
     */
    public TrajectoryData normalised() {
        Outcome out = outcome;
        OtherReason reason = out == Outcome.ANDERS ? otherReason : null;
        boolean referred = out == Outcome.VERWEZEN;
        Diagnosis diag = diagnosisQuestion == DiagnosisQuestion.EERDERE_DIAGNOSE ? diagnosis : null;
        return new TrajectoryData(practiceId, text(privateReference), birthMonth, birthYear, gender, registrationDate,
                startDate, text(helpRequest), capjCodes == null ? List.of() : List.copyOf(capjCodes),
                diagnosisQuestion, diag, diag == Diagnosis.ANDERS ? text(diagnosisOther) : null,
                copy(applicants, Applicant.class), has(applicants, Applicant.ANDERS) ? text(applicantOther) : null,
                contacts, lastContactDate, copy(interventions, Intervention.class),
                has(interventions, Intervention.ANDERS) ? text(interventionOther) : null,
                copy(consultations, Consultation.class), endDate, out, reason,
                reason == OtherReason.ANDERS ? text(otherReasonText) : null,
                referred ? referralMoment : null, referred ? copy(destinations, Destination.class) : null,
                text(chainPartner));
    }

    public boolean closed() {
        return endDate != null;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> boolean has(Set<E> values, E value) {
        return values != null && values.contains(value);
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        if (values == null) {
            return null;
        }
        return values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }
}
