package nl.jeugdhulp.registratie.registration;

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

/** The code lists for the templates (Thymeleaf may not reach static classes from fragments). */
record CodeLists(Gender[] genders, DiagnosisQuestion[] diagnosisQuestions, Diagnosis[] diagnoses,
                 Applicant[] applicants, Intervention[] interventions, Consultation[] consultations,
                 Outcome[] outcomes, OtherReason[] otherReasons, ReferralMoment[] referralMoments,
                 Destination[] destinations) {

    static final CodeLists ALL = new CodeLists(Gender.values(), DiagnosisQuestion.values(), Diagnosis.values(),
            Applicant.values(), Intervention.values(), Consultation.values(), Outcome.values(), OtherReason.values(),
            ReferralMoment.values(), Destination.values());
}
