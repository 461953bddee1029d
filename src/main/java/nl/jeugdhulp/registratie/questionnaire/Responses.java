package nl.jeugdhulp.registratie.questionnaire;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores responses and reads what staff may see of them. */
@Service
class Responses {

    enum Source { WEB, PAPER }

    /** The number of responses of one supporter of a pilot, for the project leader's overview. */
    record SupporterCount(long supporterId, String code, String functionType, long web, long paper) {
    }

    private final JdbcClient jdbc;

    Responses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a response once: a second submit with the same form token stores nothing (the unique
     * form_token decides atomically, also for two submits at the same moment). Returns whether this
     * call stored it.
     */
    @Transactional
    boolean store(QuestionnaireLinks.Target target, ResponseForm form, Source source, LocalDate day) {
        if (target.functionType() == null) {
            throw new IllegalStateException("supporter " + target.supporterId() + " has no profile");
        }
        return jdbc.sql("""
                        INSERT INTO questionnaire_response (pilot_id, function_type, supporter_id, response_date, source,
                            form_token, understand, listen, involve, goal, goal_attainment, recommend, learned,
                            confidence, remarks)
                        VALUES (:pilot, :function, :supporter, :day, :source, :token, :understand, :listen, :involve,
                            :goal, :attainment, :recommend, :learned, :confidence, :remarks)
                        ON CONFLICT (form_token) DO NOTHING""")
                .param("pilot", target.pilotId()).param("function", target.functionType())
                .param("supporter", target.supporterId()).param("day", day).param("source", source.name())
                .param("token", form.getFormToken())
                .param("understand", form.getUnderstand()).param("listen", form.getListen())
                .param("involve", form.getInvolve()).param("goal", ResponseForm.text(form.getGoal()))
                .param("attainment", form.getGoalAttainment()).param("recommend", form.getRecommend())
                .param("learned", form.getLearned()).param("confidence", form.getConfidence())
                .param("remarks", ResponseForm.text(form.getRemarks()))
                .update() == 1;
    }

    /** Free-text answers (goals or remarks) of the given pilots, in random order and without dates. */
    @Transactional(readOnly = true)
    List<String> texts(Set<Long> pilotIds, String column) {
        if (pilotIds.isEmpty()) {
            return List.of();
        }
        String expression = switch (column) {
            case "goal" -> "goal";
            case "remarks" -> "remarks";
            default -> throw new IllegalArgumentException(column);
        };
        return jdbc.sql("SELECT " + expression + " FROM questionnaire_response WHERE pilot_id IN (:pilots) AND "
                        + expression + " IS NOT NULL ORDER BY random()")
                .param("pilots", pilotIds).query(String.class).list();
    }

    /** Every supporter of the pilots with their numbers of web and paper responses. */
    @Transactional(readOnly = true)
    List<SupporterCount> perSupporter(Set<Long> pilotIds) {
        if (pilotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT s.id AS supporter_id, s.code, sp.function_type,
                               count(r.id) FILTER (WHERE r.source = 'WEB') AS web,
                               count(r.id) FILTER (WHERE r.source = 'PAPER') AS paper
                          FROM supporter s
                          LEFT JOIN supporter_profile sp ON sp.id = supporter_profile_at(s.id, CURRENT_DATE)
                          LEFT JOIN questionnaire_response r ON r.supporter_id = s.id
                         WHERE s.pilot_id IN (:pilots)
                         GROUP BY s.id, s.code, sp.function_type ORDER BY s.code""")
                .param("pilots", pilotIds).query(SupporterCount.class).list();
    }

    /** The supporter's own number of responses. */
    @Transactional(readOnly = true)
    long countOf(long supporterId) {
        return jdbc.sql("SELECT count(*) FROM questionnaire_response WHERE supporter_id = :s").param("s", supporterId)
                .query(Long.class).single();
    }
}
