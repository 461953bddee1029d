package nl.jeugdhulp.registratie.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The login's records are committed before the redirect is sent: sending it commits the response and
 * Spring Session then saves the session on a second connection. Redirecting inside the transaction
 * held two pool connections per login, and the load test's burst of logins exhausted the pool.
 */
@SpringBootTest
@ActiveProfiles("test")
class LoginRedirectTransactionTest {

    @Autowired
    LoginAuditHandlers handlers;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    /** Notes, at the moment of the redirect, whether a transaction was still open. */
    static class RecordingResponse extends MockHttpServletResponse {
        final List<Boolean> transactionOpenAtRedirect = new ArrayList<>();

        @Override
        public void sendRedirect(String url) throws java.io.IOException {
            transactionOpenAtRedirect.add(TransactionSynchronizationManager.isActualTransactionActive());
            super.sendRedirect(url);
        }
    }

    @Test
    void successfulLoginIsRecordedAndCommittedBeforeTheRedirect() throws Exception {
        long userId = data.user(Role.ONDERZOEKER);
        AccountPrincipal principal = users.loadUserByUsername(data.username(userId));
        RecordingResponse response = new RecordingResponse();

        handlers.onAuthenticationSuccess(new MockHttpServletRequest("POST", "/login"), response,
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));

        assertThat(response.transactionOpenAtRedirect).containsExactly(false);
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE user_id = :id AND event_type = 'LOGIN'")
                .param("id", userId).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT last_login_at IS NOT NULL FROM app_user WHERE id = :id")
                .param("id", userId).query(Boolean.class).single()).isTrue();
    }

    @Test
    void failedLoginIsRecordedAndCommittedBeforeTheRedirect() throws Exception {
        String tried = "nobody-" + System.nanoTime();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setParameter("username", tried);
        RecordingResponse response = new RecordingResponse();

        handlers.onAuthenticationFailure(request, response, new BadCredentialsException("bad"));

        assertThat(response.transactionOpenAtRedirect).containsExactly(false);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?fout");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = :u AND event_type = 'LOGIN_FAILED'")
                .param("u", tried).query(Long.class).single()).isEqualTo(1L);
    }
}
