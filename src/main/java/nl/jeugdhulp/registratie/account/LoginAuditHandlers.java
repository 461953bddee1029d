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
import org.springframework.transaction.annotation.Transactional;

/** Logs every login, failed login and logout, and sends a user to their role's start page. */
@Component
class LoginAuditHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler,
        LogoutSuccessHandler {

    private final AuditLog auditLog;
    private final JdbcClient jdbc;

    LoginAuditHandlers(AuditLog auditLog, JdbcClient jdbc) {
        this.auditLog = auditLog;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
        CurrentUser user = principal.user();
        jdbc.sql("UPDATE app_user SET last_login_at = now() WHERE id = :id").param("id", user.id()).update();
        auditLog.recordFor(user.username(), user.role().name(), user.id(),
                AuditEntry.of(AuditAction.EXECUTE, "LOGIN", "USER", user.id()));
        response.sendRedirect(request.getContextPath() + (principal.mustChangePassword() ? "/account/wachtwoord" : "/"));
    }

    @Override
    @Transactional
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String tried = request.getParameter("username");
        auditLog.recordFor(tried, null, null, AuditEntry.of(AuditAction.EXECUTE, "LOGIN_FAILED", "USER", null)
                .withOutcome(AuditOutcome.FAILURE)
                .withDetails(exception.getClass().getSimpleName()));
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
