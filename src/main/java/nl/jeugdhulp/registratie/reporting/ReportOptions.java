package nl.jeugdhulp.registratie.reporting;

import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.database.ReportingDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the filters may offer a user: only pilots, municipalities, practices and supporters in their scope. */
@Component
@Transactional(readOnly = true)
class ReportOptions {

    record Option(long id, String label) {
    }

    private final JdbcClient jdbc;

    ReportOptions(ReportingDatabase database) {
        this.jdbc = database.jdbc();
    }

    List<Option> pilots(ReportScope scope) {
        return options("SELECT id, name FROM pilot p WHERE " + pilotCondition(scope, "p.id") + " ORDER BY name", scope);
    }

    List<Option> municipalities(ReportScope scope) {
        return options("""
                SELECT DISTINCT m.id, m.name FROM municipality m JOIN practice pr ON pr.municipality_id = m.id
                 WHERE\s""" + pilotCondition(scope, "pr.pilot_id") + practiceOfSupporter(scope, "pr.id")
                + " ORDER BY m.name", scope);
    }

    List<Option> practices(ReportScope scope) {
        return options("SELECT pr.id, pr.name FROM practice pr WHERE " + pilotCondition(scope, "pr.pilot_id")
                + practiceOfSupporter(scope, "pr.id") + " ORDER BY pr.name", scope);
    }

    /** Supporters by pseudonymous code; a supporter reporting on their own work gets no choice. */
    List<Option> supporters(ReportScope scope) {
        if (scope.supporterId() != null) {
            return List.of();
        }
        return options("SELECT s.id, s.code FROM supporter s WHERE " + pilotCondition(scope, "s.pilot_id")
                + " ORDER BY s.code", scope);
    }

    private List<Option> options(String sql, ReportScope scope) {
        return jdbc.sql(sql).params(params(scope)).query((rs, i) -> new Option(rs.getLong(1), rs.getString(2))).list();
    }

    private static String pilotCondition(ReportScope scope, String column) {
        if (scope.all()) {
            return "TRUE";
        }
        if (scope.supporterId() != null) {
            return column + " = (SELECT pilot_id FROM supporter WHERE id = :supporter)";
        }
        return scope.pilotIds().isEmpty() ? "FALSE" : column + " IN (:pilots)";
    }

    private static String practiceOfSupporter(ReportScope scope, String column) {
        return scope.supporterId() == null ? ""
                : " AND " + column + " IN (SELECT practice_id FROM supporter_practice WHERE supporter_id = :supporter)";
    }

    private static Map<String, Object> params(ReportScope scope) {
        java.util.HashMap<String, Object> params = new java.util.HashMap<>();
        if (scope.supporterId() != null) {
            params.put("supporter", scope.supporterId());
        }
        if (!scope.pilotIds().isEmpty()) {
            params.put("pilots", scope.pilotIds());
        }
        return params;
    }
}
