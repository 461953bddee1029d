package nl.jeugdhulp.registratie.organisation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Public read facade for other features: which practices a supporter serves, and their pilot. */
@Component
@Transactional(readOnly = true)
public class PracticeDirectory {

    private final JdbcClient jdbc;

    PracticeDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PracticeOption> practicesOf(long supporterId) {
        return jdbc.sql("""
                        SELECT p.id, p.name FROM practice p JOIN supporter_practice sp ON sp.practice_id = p.id
                         WHERE sp.supporter_id = :s ORDER BY p.name""")
                .param("s", supporterId)
                .query((rs, i) -> new PracticeOption(rs.getLong(1), rs.getString(2))).list();
    }

    public boolean serves(long supporterId, long practiceId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM supporter_practice WHERE supporter_id = :s AND practice_id = :p)")
                .param("s", supporterId).param("p", practiceId).query(Boolean.class).single();
    }

    public long pilotOf(long supporterId) {
        return jdbc.sql("SELECT pilot_id FROM supporter WHERE id = :s").param("s", supporterId).query(Long.class).single();
    }
}
