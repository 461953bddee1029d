package nl.jeugdhulp.registratie.registration;

import static nl.jeugdhulp.registratie.web.DeclaredRequiredFields.ALWAYS;

import java.util.HashMap;
import java.util.Map;

/**
 * The "(verplicht)" marks of the trajectory and closing forms. The rules are code in {@link TrajectoryRules}
 * (and the closing check in {@link TrajectoryService}), not annotations, so the marks are declared here;
 * RequiredMarksTest checks this declaration against the rules: a field marked {@code ALWAYS} is refused
 * when empty on any form, a conditional mark names the condition under which the rules refuse it empty.
 */
final class RequiredMarks {

    static final String WHEN_CLOSING = "trajectory.required.closing";
    static final String WHEN_PREVIOUS_DIAGNOSIS = "trajectory.required.diagnosis";
    static final String WHEN_OTHER = "trajectory.required.other";
    static final String WHEN_OUTCOME_OTHER = "trajectory.required.outcomeOther";
    static final String WHEN_REFERRED = "trajectory.required.referred";

    /** Conditional marks that hold on both forms. */
    private static final Map<String, String> CONDITIONAL = Map.of(
            "diagnosis", WHEN_PREVIOUS_DIAGNOSIS,
            "diagnosisOther", WHEN_OTHER,
            "applicantOther", WHEN_OTHER,
            "interventionOther", WHEN_OTHER,
            "otherReason", WHEN_OUTCOME_OTHER,
            "otherReasonText", WHEN_OTHER,
            "referralMoment", WHEN_REFERRED,
            "destinations", WHEN_REFERRED);

    /** New and edited trajectories: the closing block is optional, but end date and outcome go together. */
    static final Map<String, String> TRAJECTORY = with(CONDITIONAL, Map.ofEntries(
            Map.entry("practiceId", ALWAYS), Map.entry("birthMonth", ALWAYS), Map.entry("birthYear", ALWAYS),
            Map.entry("gender", ALWAYS), Map.entry("startDate", ALWAYS), Map.entry("helpRequest", ALWAYS),
            Map.entry("capjCodes", ALWAYS), Map.entry("applicants", ALWAYS), Map.entry("contacts", ALWAYS),
            Map.entry("endDate", WHEN_CLOSING), Map.entry("outcome", WHEN_CLOSING)));

    /** Closing an open trajectory: end date and outcome are what the form is for. */
    static final Map<String, String> CLOSING = with(CONDITIONAL, Map.of(
            "endDate", ALWAYS, "outcome", ALWAYS, "contacts", ALWAYS));

    private RequiredMarks() {
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return Map.copyOf(all);
    }
}
