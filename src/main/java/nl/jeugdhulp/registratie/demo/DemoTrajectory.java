package nl.jeugdhulp.registratie.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated demo trajectory, column for column as table {@code trajectory} stores it
 * (multi-answer values as lists, {@code null} = not registered), plus its CAP-J codes in order.
 */
record DemoTrajectory(
        int supporter,
        int practice,
        String privateReference,
        Integer birthMonth,
        Integer birthYear,
        String gender,
        LocalDate registrationDate,
        LocalDate startDate,
        String helpRequest,
        String diagnosisQuestion,
        String diagnosis,
        String diagnosisOther,
        List<String> applicants,
        String applicantOther,
        Integer contacts,
        LocalDate lastContactDate,
        List<String> interventions,
        String interventionOther,
        List<String> consultations,
        LocalDate endDate,
        String outcome,
        String outcomeOtherReason,
        String outcomeOtherText,
        String referralMoment,
        List<String> referralDestinations,
        String chainPartner,
        List<String> capjCodes) {
}
