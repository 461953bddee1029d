package nl.jeugdhulp.registratie.registration;

import static nl.jeugdhulp.registratie.web.DeclaredRequiredFields.ALWAYS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.registration.Codes.Applicant;
import nl.jeugdhulp.registratie.registration.Codes.Destination;
import nl.jeugdhulp.registratie.registration.Codes.Diagnosis;
import nl.jeugdhulp.registratie.registration.Codes.DiagnosisQuestion;
import nl.jeugdhulp.registratie.registration.Codes.Gender;
import nl.jeugdhulp.registratie.registration.Codes.Intervention;
import nl.jeugdhulp.registratie.registration.Codes.OtherReason;
import nl.jeugdhulp.registratie.registration.Codes.Outcome;
import org.junit.jupiter.api.Test;

/** The form's "(verplicht)" marks say what {@link TrajectoryRules} refuses: no more, no less. */
class RequiredMarksTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void alwaysRequiredMarksAreExactlyTheFieldsAnEmptyFormIsRefusedOn() {
        Set<String> marked = RequiredMarks.TRAJECTORY.entrySet().stream().filter(e -> e.getValue().equals(ALWAYS))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(marked).containsExactlyInAnyOrder("practiceId", "birthMonth", "birthYear", "gender", "startDate",
                "helpRequest", "capjCodes", "applicants", "contacts");
        assertThat(refusedFields(new TrajectoryForm())).isEqualTo(marked);
    }

    @Test
    void aCompleteFormIsAccepted() {
        assertThat(refusedFields(complete())).isEmpty();
    }

    @Test
    void everyConditionalMarkNamesTheConditionUnderWhichTheRulesRefuseTheFieldEmpty() {
        Map<String, Consumer<TrajectoryForm>> conditions = new LinkedHashMap<>();
        conditions.put("endDate", f -> f.setOutcome(Outcome.ZELF_AFGEROND));
        conditions.put("outcome", f -> f.setEndDate(TODAY));
        conditions.put("diagnosis", f -> f.setDiagnosisQuestion(DiagnosisQuestion.EERDERE_DIAGNOSE));
        conditions.put("diagnosisOther", f -> {
            f.setDiagnosisQuestion(DiagnosisQuestion.EERDERE_DIAGNOSE);
            f.setDiagnosis(Diagnosis.ANDERS);
        });
        conditions.put("applicantOther", f -> f.setApplicants(Set.of(Applicant.OUDERS, Applicant.ANDERS)));
        conditions.put("interventionOther", f -> f.setInterventions(Set.of(Intervention.ANDERS)));
        conditions.put("otherReason", f -> {
            f.setEndDate(TODAY);
            f.setOutcome(Outcome.ANDERS);
        });
        conditions.put("otherReasonText", f -> {
            f.setEndDate(TODAY);
            f.setOutcome(Outcome.ANDERS);
            f.setOtherReason(OtherReason.ANDERS);
        });
        conditions.put("referralMoment", f -> {
            f.setEndDate(TODAY);
            f.setOutcome(Outcome.VERWEZEN);
            f.setDestinations(Set.of(Destination.SGGZ));
        });
        conditions.put("destinations", f -> {
            f.setEndDate(TODAY);
            f.setOutcome(Outcome.VERWEZEN);
            f.setReferralMoment(Codes.ReferralMoment.NA_BEHANDELING);
        });

        Map<String, String> conditional = new LinkedHashMap<>(RequiredMarks.TRAJECTORY);
        conditional.values().removeIf(ALWAYS::equals);
        assertThat(conditions.keySet()).as("a condition tested for every conditional mark")
                .containsExactlyInAnyOrderElementsOf(conditional.keySet());
        conditions.forEach((field, condition) -> {
            TrajectoryForm form = complete();
            condition.accept(form);
            assertThat(refusedFields(form)).as("refused with the condition for " + field + " met").containsExactly(field);
        });
        assertThat(RequiredMarks.TRAJECTORY).containsEntry("endDate", RequiredMarks.WHEN_CLOSING)
                .containsEntry("outcome", RequiredMarks.WHEN_CLOSING)
                .containsEntry("diagnosis", RequiredMarks.WHEN_PREVIOUS_DIAGNOSIS)
                .containsEntry("applicantOther", RequiredMarks.WHEN_OTHER)
                .containsEntry("otherReason", RequiredMarks.WHEN_OUTCOME_OTHER)
                .containsEntry("destinations", RequiredMarks.WHEN_REFERRED);
    }

    @Test
    void theClosingFormMarksEndDateOutcomeAndContactsAsAlwaysRequired() {
        assertThat(RequiredMarks.CLOSING).containsEntry("endDate", ALWAYS).containsEntry("outcome", ALWAYS)
                .containsEntry("contacts", ALWAYS).containsEntry("referralMoment", RequiredMarks.WHEN_REFERRED);
        assertThat(new CloseForm().requiredMarks()).isSameAs(RequiredMarks.CLOSING);
        assertThat(new TrajectoryForm().requiredMarks()).isSameAs(RequiredMarks.TRAJECTORY);
    }

    static TrajectoryForm complete() {
        TrajectoryForm f = new TrajectoryForm();
        f.setPracticeId(1L);
        f.setBirthMonth(4);
        f.setBirthYear(2014);
        f.setGender(Gender.V);
        f.setStartDate(TODAY.minusMonths(1));
        f.setHelpRequest("Piekert veel");
        f.setCapjCodes(List.of("A102"));
        f.setApplicants(new HashSet<>(Set.of(Applicant.OUDERS)));
        f.setContacts(1);
        return f;
    }

    static Set<String> refusedFields(TrajectoryForm form) {
        return TrajectoryRules.check(form.toData().normalised(), TODAY, Set.of("A102"), p -> true).stream()
                .map(Violation::field).collect(Collectors.toSet());
    }
}
