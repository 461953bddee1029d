package nl.jeugdhulp.registratie;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import nl.jeugdhulp.registratie.account.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Runs a MockMvc request as a real account, loaded the way login loads it (role, scope, supporter). */
@Component
public class Principals {

    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final TestData data;

    public Principals(UserDetailsService users, JdbcClient jdbc, TestData data) {
        this.users = users;
        this.jdbc = jdbc;
        this.data = data;
    }

    public RequestPostProcessor as(long userId) {
        String username = jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", userId)
                .query(String.class).single();
        return user(users.loadUserByUsername(username));
    }

    /** A fresh account with the given role. */
    public RequestPostProcessor newUser(Role role) {
        return as(data.user(role));
    }
}
