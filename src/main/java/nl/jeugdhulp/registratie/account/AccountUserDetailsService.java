package nl.jeugdhulp.registratie.account;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a user and their scope in one go at login. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public AccountPrincipal loadUserByUsername(String username) {
        List<AccountPrincipal> found = jdbc.sql("""
                        SELECT u.id, u.username, u.role, u.password_hash, u.enabled, u.must_change_password, u.version,
                               s.id AS supporter_id
                          FROM app_user u LEFT JOIN supporter s ON s.user_id = u.id
                         WHERE lower(u.username) = lower(:username)""")
                .param("username", username == null ? "" : username.trim())
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    Long supporterId = rs.getObject("supporter_id", Long.class);
                    CurrentUser user = new CurrentUser(id, rs.getString("username"), Role.valueOf(rs.getString("role")),
                            ids("SELECT pilot_id FROM user_pilot WHERE user_id = :id UNION SELECT pilot_id FROM supporter WHERE user_id = :id", id),
                            ids("SELECT municipality_id FROM user_municipality WHERE user_id = :id", id),
                            supporterId);
                    return new AccountPrincipal(user, rs.getString("password_hash"), rs.getBoolean("enabled"),
                            rs.getBoolean("must_change_password"), rs.getInt("version"));
                })
                .list();
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("unknown user");
        }
        return found.get(0);
    }

    private Set<Long> ids(String sql, long userId) {
        return Set.copyOf(new HashSet<>(jdbc.sql(sql).param("id", userId).query(Long.class).list()));
    }
}
