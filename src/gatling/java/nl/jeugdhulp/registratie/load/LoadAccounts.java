package nl.jeugdhulp.registratie.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every virtual supporter an account of its own: the demo has three supporter accounts, and the
 * load test must not share sessions or weaken the login throttle. Each account copies the demo user
 * {@code poh} (its password hash, so the demo password; its pilot, practices and profile). Runs against
 * the embedded PostgreSQL of the application under test; idempotent.
 */
final class LoadAccounts {

    static final String PASSWORD = "demo-jeugdhulp";
    private static final String TEMPLATE = "poh";

    private LoadAccounts() {
    }

    static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + Integer.getInteger("load.db.port", 55433) + "/postgres";
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    static String username(int i) {
        return String.format("load%02d", i);
    }

    /** Creates accounts load01..loadNN (supporters) and returns their names. */
    static List<String> seed(int count) {
        List<String> names = new ArrayList<>();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            long templateUser = single(c, "SELECT id FROM app_user WHERE username = ?", TEMPLATE);
            long templateSupporter = single(c, "SELECT id FROM supporter WHERE user_id = ?", templateUser);
            for (int i = 1; i <= count; i++) {
                String name = username(i);
                names.add(name);
                if (exists(c, name)) {
                    continue;
                }
                long user = single(c, """
                        INSERT INTO app_user (username, password_hash, role)
                        SELECT ?, password_hash, 'PRAKTIJKONDERSTEUNER' FROM app_user WHERE id = ? RETURNING id""",
                        name, templateUser);
                long supporter = single(c, """
                        INSERT INTO supporter (code, pilot_id, user_id)
                        SELECT ?, pilot_id, ? FROM supporter WHERE id = ? RETURNING id""",
                        name.toUpperCase(), user, templateSupporter);
                update(c, """
                        INSERT INTO supporter_practice (supporter_id, practice_id, hours_per_week)
                        SELECT ?, practice_id, hours_per_week FROM supporter_practice WHERE supporter_id = ?""",
                        supporter, templateSupporter);
                update(c, """
                        INSERT INTO supporter_profile (supporter_id, valid_from, function_type, age, gender, education,
                            education_other, profession, profession_other, experience_years, other_experience,
                            seconding_organisation, salaried_by_gp, funding, funding_other, hours_gp_practice,
                            hours_institution, hours_base_team, housed_in_practice, pays_rent, uses_his, uses_zorgmail,
                            registration_start, registration_end)
                        SELECT ?, valid_from, function_type, age, gender, education,
                            education_other, profession, profession_other, experience_years, other_experience,
                            seconding_organisation, salaried_by_gp, funding, funding_other, hours_gp_practice,
                            hours_institution, hours_base_team, housed_in_practice, pays_rent, uses_his, uses_zorgmail,
                            registration_start, registration_end
                          FROM supporter_profile WHERE supporter_id = ?""", supporter, templateSupporter);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed the load-test accounts at " + jdbcUrl(), e);
        }
        return names;
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM app_user WHERE username = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static long single(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("No row for " + sql);
                }
                return r.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
