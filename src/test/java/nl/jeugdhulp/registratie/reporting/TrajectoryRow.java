package nl.jeugdhulp.registratie.reporting;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One trajectory inserted straight into the table with every report variable under the test's
 * control. Unset variables stay NULL (unknown); arrays are given as codes ({@code none()} is the
 * empty array: known, none). Respects the table's CHECK constraints: closing needs an outcome,
 * ANDERS a reason, VERWEZEN a moment and destinations.
 */
final class TrajectoryRow {

    private final long supporterId;
    private final long practiceId;
    private final LocalDate start;
    private LocalDate registration;
    private LocalDate end;
    private String outcome;
    private String otherReason;
    private String referralMoment;
    private String[] destinations;
    private Integer birthYear;
    private Integer birthMonth;
    private String gender;
    private String[] applicants;
    private Integer contacts;
    private String[] interventions;
    private String[] consultations;
    private String diagnosisQuestion;
    private String diagnosis;
    private List<String> capj = List.of();

    private TrajectoryRow(long supporterId, long practiceId, LocalDate start) {
        this.supporterId = supporterId;
        this.practiceId = practiceId;
        this.start = start;
    }

    static TrajectoryRow started(long supporterId, long practiceId, String start) {
        return new TrajectoryRow(supporterId, practiceId, LocalDate.parse(start));
    }

    static String[] none() {
        return new String[0];
    }

    TrajectoryRow registered(String date) {
        registration = LocalDate.parse(date);
        return this;
    }

    TrajectoryRow born(int year, int month) {
        birthYear = year;
        birthMonth = month;
        return this;
    }

    TrajectoryRow gender(String value) {
        gender = value;
        return this;
    }

    TrajectoryRow applicants(String... codes) {
        applicants = codes;
        return this;
    }

    TrajectoryRow contacts(int value) {
        contacts = value;
        return this;
    }

    TrajectoryRow interventions(String... codes) {
        interventions = codes;
        return this;
    }

    TrajectoryRow consultations(String... codes) {
        consultations = codes;
        return this;
    }

    TrajectoryRow diagnosis(String question, String diagnosis) {
        diagnosisQuestion = question;
        this.diagnosis = diagnosis;
        return this;
    }

    TrajectoryRow capj(String... codes) {
        capj = List.of(codes);
        return this;
    }

    TrajectoryRow closedSelf(String date) {
        end = LocalDate.parse(date);
        outcome = "ZELF_AFGEROND";
        return this;
    }

    TrajectoryRow closedOther(String date, String reason) {
        end = LocalDate.parse(date);
        outcome = "ANDERS";
        otherReason = reason;
        return this;
    }

    TrajectoryRow referred(String date, String moment, String... to) {
        end = LocalDate.parse(date);
        outcome = "VERWEZEN";
        referralMoment = moment;
        destinations = to;
        return this;
    }

    long insert(JdbcClient jdbc) {
        long id = jdbc.sql("""
                        INSERT INTO trajectory (supporter_id, practice_id, start_date, registration_date, end_date,
                                                help_request, birth_year, birth_month, gender, applicants, contacts,
                                                interventions, consultations, outcome, outcome_other_reason,
                                                referral_moment, referral_destinations, diagnosis_question, diagnosis)
                        VALUES (:supporter, :practice, :start, :registration, :end, 'Testhulpvraag', :birthYear,
                                :birthMonth, :gender, CAST(:applicants AS VARCHAR(20)[]), :contacts,
                                CAST(:interventions AS VARCHAR(30)[]), CAST(:consultations AS VARCHAR(20)[]), :outcome,
                                :reason, :moment, CAST(:destinations AS VARCHAR(20)[]), :question, :diagnosis)
                        RETURNING id""")
                .param("supporter", supporterId).param("practice", practiceId).param("start", start)
                .param("registration", registration, java.sql.Types.DATE).param("end", end, java.sql.Types.DATE)
                .param("birthYear", birthYear, java.sql.Types.INTEGER).param("birthMonth", birthMonth, java.sql.Types.INTEGER)
                .param("gender", gender, java.sql.Types.VARCHAR)
                .param("applicants", array(applicants), java.sql.Types.VARCHAR)
                .param("contacts", contacts, java.sql.Types.INTEGER)
                .param("interventions", array(interventions), java.sql.Types.VARCHAR)
                .param("consultations", array(consultations), java.sql.Types.VARCHAR)
                .param("outcome", outcome, java.sql.Types.VARCHAR).param("reason", otherReason, java.sql.Types.VARCHAR)
                .param("moment", referralMoment, java.sql.Types.VARCHAR)
                .param("destinations", array(destinations), java.sql.Types.VARCHAR)
                .param("question", diagnosisQuestion, java.sql.Types.VARCHAR)
                .param("diagnosis", diagnosis, java.sql.Types.VARCHAR)
                .query(Long.class).single();
        for (int i = 0; i < capj.size(); i++) {
            jdbc.sql("INSERT INTO trajectory_capj (trajectory_id, position, capj_code) VALUES (:t, :p, :c)")
                    .param("t", id).param("p", i + 1).param("c", capj.get(i)).update();
        }
        return id;
    }

    /** An array literal ({A,B}), or null when the variable is unknown. */
    private static String array(String[] codes) {
        return codes == null ? null : "{" + String.join(",", codes) + "}";
    }
}
