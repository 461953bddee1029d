package nl.jeugdhulp.registratie.classification;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the CAP-J code list for other features. */
@Component
@Transactional(readOnly = true)
public class CapjCatalogue {

    private static final String SELECT = """
            SELECT c.code, c.axis, a.label AS axis_label, c.level = 'RUBRIEK' AS rubric, c.group_code, c.label
              FROM capj_code c LEFT JOIN capj_axis a ON a.code = c.axis
            """;

    private final JdbcClient jdbc;

    CapjCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active codes in display order: per axis, each group followed by its rubrics. */
    public List<CapjCode> activeCodes() {
        return jdbc.sql(SELECT + """
                         WHERE c.active
                         ORDER BY c.axis NULLS LAST, coalesce(c.group_code, c.code), c.level, c.sort_order, c.code""")
                .query(CapjCatalogue::map).list();
    }

    /** Codes known to the list, whether active or retired (a retired code stays valid on old trajectories). */
    public Set<String> existing(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT code FROM capj_code WHERE code IN (:codes)")
                .param("codes", codes).query(String.class).list());
    }

    /** Every code of the list, active or retired: an import loads them once instead of asking per row. */
    public Set<String> allCodes() {
        return new HashSet<>(jdbc.sql("SELECT code FROM capj_code").query(String.class).list());
    }

    /** The given codes with labels, retired ones included (for showing old trajectories). */
    public List<CapjCode> activeAndRetired(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE c.code IN (:codes)").param("codes", codes).query(CapjCatalogue::map).list();
    }

    public boolean isActive(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM capj_code WHERE code = :c AND active)")
                .param("c", code).query(Boolean.class).single();
    }

    private static CapjCode map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CapjCode(rs.getString("code"), rs.getString("axis"), rs.getString("axis_label"),
                rs.getBoolean("rubric"), rs.getString("group_code"), rs.getString("label"));
    }

    /** Accepts "A-100", "a100", " A100 "; answers the stored form "A100", or empty if it is no code shape. */
    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String code = input.trim().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        return code.matches("[A-E][0-9]{3}|ONG") ? Optional.of(code) : Optional.empty();
    }
}
