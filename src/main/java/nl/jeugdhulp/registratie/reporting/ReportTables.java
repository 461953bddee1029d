package nl.jeugdhulp.registratie.reporting;

import static nl.jeugdhulp.registratie.reporting.Population.CLOSED;
import static nl.jeugdhulp.registratie.reporting.Population.STARTED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.jeugdhulp.registratie.registration.Codes;
import nl.jeugdhulp.registratie.reporting.TableSpec.Row;

/** The study's categorical tables (reports.md) as SQL specifications. */
final class ReportTables {

    private ReportTables() {
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** Intake tables: trajectories started in the period. */
    static List<TableSpec> intake(List<String> axisAGroups, List<String> axisDGroups) {
        List<TableSpec> specs = new ArrayList<>();
        specs.add(new TableSpec("geslacht", STARTED, false, "code.gender.",
                TableSpec.rows(List.of("M", "V", "X"), c -> "gender = '" + c + "'"), TableSpec.POP,
                "gender IN ('M', 'V', 'X')", "gender IS NULL OR gender = 'ONBEKEND'"));
        specs.add(TableSpec.classes("leeftijd", STARTED, "report.age.", "age_at_start", List.of(
                new Row("0_4", "age_at_start <= 4"), new Row("5_11", "age_at_start BETWEEN 5 AND 11"),
                new Row("12_17", "age_at_start BETWEEN 12 AND 17"), new Row("18_23", "age_at_start >= 18"))));
        specs.add(TableSpec.multi("aanmelders", STARTED, "code.applicant.", "applicants", names(Codes.Applicant.values())));
        specs.add(TableSpec.classes("aantal_aanmelders", STARTED, "report.number.", "applicants", List.of(
                new Row("1", "cardinality(applicants) = 1"), new Row("2", "cardinality(applicants) = 2"),
                new Row("3PLUS", "cardinality(applicants) >= 3"))));
        specs.add(requests("capj_assen", "report.axis.", List.of(
                new Row("A", "c.axis = 'A'"), new Row("B", "c.axis = 'B'"), new Row("C", "c.axis = 'C'"),
                new Row("D", "c.axis = 'D'"), new Row("E", "c.axis = 'E'"), new Row("OVERIG", "c.axis IS NULL"))));
        specs.add(requests("capj_a", "report.capj.", groupRows(axisAGroups)));
        specs.add(requests("capj_d", "report.capj.", groupRows(axisDGroups)));
        specs.add(new TableSpec("hulpvragen_per_traject", STARTED, false, "report.number.", List.of(
                new Row("1", "cardinality(capj_codes) = 1"), new Row("2", "cardinality(capj_codes) = 2"),
                new Row("3PLUS", "cardinality(capj_codes) >= 3")), TableSpec.POP, "capj_codes IS NOT NULL",
                "capj_codes IS NULL"));
        specs.add(TableSpec.single("diagnosevraag", STARTED, "code.diagnosisQuestion.", "diagnosis_question",
                names(Codes.DiagnosisQuestion.values())));
        specs.add(TableSpec.single("diagnose", STARTED, "code.diagnosis.", "diagnosis", names(Codes.Diagnosis.values()))
                .where("diagnosis_question = 'EERDERE_DIAGNOSE'"));
        // waiting_days: start_date - registration_date, known when the registration date is.
        specs.add(TableSpec.classes("wachttijd", STARTED, "report.waiting.", "waiting_days", List.of(
                new Row("LE5W", "waiting_days <= 35"), new Row("GT5W", "waiting_days > 35"))));
        return specs;
    }

    /** Process and outcome tables: trajectories closed in the period. */
    static List<TableSpec> process() {
        List<TableSpec> specs = new ArrayList<>();
        specs.add(TableSpec.multi("interventies", CLOSED, "code.intervention.", "interventions",
                names(Codes.Intervention.values())));
        specs.add(TableSpec.classes("aantal_interventies", CLOSED, "report.number.", "interventions", List.of(
                new Row("0", "cardinality(interventions) = 0"), new Row("1", "cardinality(interventions) = 1"),
                new Row("2", "cardinality(interventions) = 2"), new Row("3", "cardinality(interventions) = 3"),
                new Row("4PLUS", "cardinality(interventions) >= 4"))));
        specs.add(TableSpec.multi("overleg", CLOSED, "code.consultation.", "consultations",
                names(Codes.Consultation.values())));
        specs.add(TableSpec.classes("contacten", CLOSED, "report.contacts.", "contacts", List.of(
                new Row("LE2", "contacts <= 2"), new Row("3_5", "contacts BETWEEN 3 AND 5"),
                new Row("6_10", "contacts BETWEEN 6 AND 10"), new Row("11PLUS", "contacts >= 11"))));
        specs.add(TableSpec.classes("duur", CLOSED, "report.duration.", "duration_days", List.of(
                new Row("LE1", "duration_days <= 7"), new Row("2_3", "duration_days BETWEEN 8 AND 21"),
                new Row("4_10", "duration_days BETWEEN 22 AND 70"), new Row("11_50", "duration_days BETWEEN 71 AND 350"),
                new Row("GT50", "duration_days > 350"))));
        specs.add(TableSpec.single("afronding", CLOSED, "code.outcome.", "outcome", names(Codes.Outcome.values())));
        specs.add(TableSpec.single("reden_anders", CLOSED, "code.otherReason.", "outcome_other_reason",
                names(Codes.OtherReason.values())).where("outcome = 'ANDERS'"));
        specs.add(TableSpec.single("moment_verwijzing", CLOSED, "code.referralMoment.", "referral_moment",
                names(Codes.ReferralMoment.values())).where("outcome = 'VERWEZEN'"));
        specs.add(TableSpec.multi("verwijzing", CLOSED, "code.destination.", "referral_destinations",
                names(Codes.Destination.values())).where("outcome = 'VERWEZEN'"));
        specs.add(TableSpec.classes("aantal_verwijzingen", CLOSED, "report.number.", "referral_destinations", List.of(
                new Row("1", "cardinality(referral_destinations) = 1"),
                new Row("2PLUS", "cardinality(referral_destinations) >= 2"))).where("outcome = 'VERWEZEN'"));
        return specs;
    }

    /**
     * A table over help requests (CAP-J codes, rolled up to group and axis), not over trajectories: pop's
     * sorted array of codes unnested; a trajectory without any counts once as missing.
     */
    private static TableSpec requests(String id, String prefix, List<Row> rows) {
        return new TableSpec(id, STARTED, false, prefix, rows,
                "LEFT JOIN LATERAL unnest(pop.capj_codes) AS tc(capj_code) ON TRUE "
                        + "LEFT JOIN capj_code r ON r.code = tc.capj_code "
                        + "LEFT JOIN capj_code c ON c.code = coalesce(r.group_code, r.code)",
                "tc.capj_code IS NOT NULL", "tc.capj_code IS NULL");
    }

    private static List<Row> groupRows(List<String> groups) {
        return TableSpec.rows(groups, g -> "c.code = '" + g + "'");
    }
}
