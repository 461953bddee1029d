package nl.jeugdhulp.registratie.summary;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts trajectories for the summary tests straight into the table: {@code count} alike rows with
 * the variables the summary counts. Arrays are given as PostgreSQL literals ("{OUDERS,SCHOOL}"),
 * null for unknown.
 */
final class Rows {

    private final JdbcClient jdbc;
    private final long supporter;
    private final long practice;

    Rows(JdbcClient jdbc, long supporter, long practice) {
        this.jdbc = jdbc;
        this.supporter = supporter;
        this.practice = practice;
    }

    /** One trajectory; returns its id. Outcome null leaves it open (end must then be null too). */
    long one(String start, String end, String outcome, String moment, String destinations, String gender,
             Integer birthYear, Integer birthMonth, String applicants, Integer contacts, String interventions,
             String... capj) {
        long id = many(1, start, end, outcome, moment, destinations, gender, birthYear, birthMonth, applicants, contacts,
                interventions);
        for (int i = 0; i < capj.length; i++) {
            jdbc.sql("INSERT INTO trajectory_capj (trajectory_id, position, capj_code) VALUES (:t, :p, :c)")
                    .param("t", id).param("p", i + 1).param("c", capj[i]).update();
        }
        return id;
    }

    /** {@code count} alike trajectories; returns the last id. */
    long many(int count, String start, String end, String outcome, String moment, String destinations, String gender,
              Integer birthYear, Integer birthMonth, String applicants, Integer contacts, String interventions) {
        return jdbc.sql("""
                        INSERT INTO trajectory (supporter_id, practice_id, start_date, end_date, outcome, outcome_other_reason,
                                                referral_moment, referral_destinations, gender, birth_year, birth_month,
                                                applicants, contacts, interventions, help_request)
                        SELECT :s, :p, :start, :end, :outcome, CASE WHEN :outcome = 'ANDERS' THEN 'PARALLEL' END,
                               :moment, CAST(:destinations AS varchar(20)[]), :gender, :birthYear, :birthMonth,
                               CAST(:applicants AS varchar(20)[]), :contacts, CAST(:interventions AS varchar(30)[]),
                               'Hulpvraag'
                          FROM generate_series(1, :count)
                        RETURNING id""")
                .param("s", supporter).param("p", practice).param("start", LocalDate.parse(start))
                .param("end", end == null ? null : LocalDate.parse(end)).param("outcome", outcome).param("moment", moment)
                .param("destinations", destinations).param("gender", gender).param("birthYear", birthYear)
                .param("birthMonth", birthMonth).param("applicants", applicants).param("contacts", contacts)
                .param("interventions", interventions).param("count", count)
                .query(Long.class).list().stream().mapToLong(Long::longValue).max().orElseThrow();
    }
}
