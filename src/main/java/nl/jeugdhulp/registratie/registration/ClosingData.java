package nl.jeugdhulp.registratie.registration;

import java.time.LocalDate;
import java.util.Set;
import nl.jeugdhulp.registratie.registration.Codes.Consultation;
import nl.jeugdhulp.registratie.registration.Codes.Destination;
import nl.jeugdhulp.registratie.registration.Codes.Intervention;
import nl.jeugdhulp.registratie.registration.Codes.OtherReason;
import nl.jeugdhulp.registratie.registration.Codes.Outcome;
import nl.jeugdhulp.registratie.registration.Codes.ReferralMoment;

/** What closing asks for: end and outcome, and the process facts a supporter knows best at the end. */
public record ClosingData(LocalDate endDate, Outcome outcome, OtherReason otherReason, String otherReasonText,
                          ReferralMoment referralMoment, Set<Destination> destinations, String chainPartner,
                          Integer contacts, Set<Intervention> interventions, String interventionOther,
                          Set<Consultation> consultations) {

    TrajectoryData applyTo(TrajectoryData d) {
        return new TrajectoryData(d.practiceId(), d.privateReference(), d.birthMonth(), d.birthYear(), d.gender(),
                d.registrationDate(), d.startDate(), d.helpRequest(), d.capjCodes(), d.diagnosisQuestion(),
                d.diagnosis(), d.diagnosisOther(), d.applicants(), d.applicantOther(), contacts,
                d.lastContactDate(), interventions, interventionOther, consultations, endDate, outcome, otherReason,
                otherReasonText, referralMoment, destinations, chainPartner).normalised();
    }
}
