package nl.jeugdhulp.registratie.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.audit.AuditOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logs every login, failed login and logout, and sends a user to their role's start page.
 *
 * <p>The records are written in a transaction that ends before the redirect: sending the redirect
 * commits the response, and with it Spring Session saves the session in its own transaction
 * (REQUIRES_NEW, a second connection). Redirecting inside the transaction held two connections per
 * login, so ten simultaneous logins took the whole pool and waited on each other for 30 s (found by
 * the load test, docs/performance.md).
 */
@Component
class LoginAuditHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler,
        LogoutSuccessHandler {

    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    LoginAuditHandlers(AuditLog auditLog, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
        CurrentUser user = principal.user();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE app_user SET last_login_at = now() WHERE id = :id").param("id", user.id()).update();
            auditLog.recordFor(user.username(), user.role().name(), user.id(),
                    AuditEntry.of(AuditAction.EXECUTE, "LOGIN", "USER", user.id()));
        });
        response.sendRedirect(request.getContextPath() + (principal.mustChangePassword() ? "/account/wachtwoord" : "/"));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String tried = request.getParameter("username");
        transaction.executeWithoutResult(status -> auditLog.recordFor(tried, null, null,
                AuditEntry.of(AuditAction.EXECUTE, "LOGIN_FAILED", "USER", null)
                        .withOutcome(AuditOutcome.FAILURE)
                        .withDetails(exception.getClass().getSimpleName())));
        response.sendRedirect(request.getContextPath() + "/login?fout");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException {
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            CurrentUser user = principal.user();
            auditLog.recordFor(user.username(), user.role().name(), user.id(),
                    AuditEntry.of(AuditAction.EXECUTE, "LOGOUT", "USER", user.id()));
        }
        response.sendRedirect(request.getContextPath() + "/login?afgemeld");
    }
}
