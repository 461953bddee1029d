package nl.jeugdhulp.registratie.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.audit.AuditOutcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt, before the password is even checked, while the name tried has had
 * {@code app.login.max-failures-per-account} failed logins (default 5) or the source address
 * {@code app.login.max-failures-per-address} (default 20) within {@code app.login.failure-window}
 * (default 15 minutes). The failed logins are counted from the audit log itself; a successful login
 * clears the count of its account (not of the address). The lock lifts by itself when the oldest
 * counted failure leaves the window; refused attempts do not count, so they cannot extend it.
 */
@Component
class LoginThrottle {

    enum Reason { ACCOUNT, ADDRESS }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    LoginThrottle(JdbcClient jdbc, AuditLog audit,
                  @Value("${app.login.max-failures-per-account:5}") int perAccount,
                  @Value("${app.login.max-failures-per-address:20}") int perAddress,
                  @Value("${app.login.failure-window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    long windowMinutes() {
        return window.toMinutes();
    }

    /** Why this attempt is refused, or null when it may go ahead. */
    Reason refusal(String username, String address) {
        String seconds = window.toSeconds() + " seconds";
        if (username != null && !username.isBlank()) {
            long failures = jdbc.sql("""
                            SELECT count(*) FROM audit_event f
                             WHERE f.event_type = 'LOGIN_FAILED' AND lower(f.username) = lower(:name)
                               AND f.occurred_at > now() - CAST(:window AS interval)
                               AND f.id > coalesce((SELECT max(l.id) FROM audit_event l
                                                     WHERE l.event_type = 'LOGIN'
                                                       AND lower(l.username) = lower(:name)), 0)""")
                    .param("name", username.trim()).param("window", seconds).query(Long.class).single();
            if (failures >= perAccount) {
                return Reason.ACCOUNT;
            }
        }
        if (address != null) {
            long failures = jdbc.sql("""
                            SELECT count(*) FROM audit_event
                             WHERE event_type = 'LOGIN_FAILED' AND source_address = :address
                               AND occurred_at > now() - CAST(:window AS interval)""")
                    .param("address", address).param("window", seconds).query(Long.class).single();
            if (failures >= perAddress) {
                return Reason.ADDRESS;
            }
        }
        return null;
    }

    /** Runs before the login filter on POST /login. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if ("POST".equals(request.getMethod()) && "/login".equals(path)) {
                    String username = request.getParameter("username");
                    Reason reason = refusal(username, request.getRemoteAddr());
                    if (reason != null) {
                        audit.recordFor(truncate(username), null, null,
                                AuditEntry.of(AuditAction.EXECUTE, "LOGIN_THROTTLED", "USER", null)
                                        .withOutcome(AuditOutcome.DENIED)
                                        .withDetails(reason == Reason.ACCOUNT ? "te veel mislukte pogingen voor dit account"
                                                : "te veel mislukte pogingen vanaf dit adres"));
                        response.sendRedirect(request.getContextPath() + "/login?te-veel");
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 60 ? value : value.substring(0, 60);
    }
}
