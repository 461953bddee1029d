package nl.jeugdhulp.registratie.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An administrator's change must not wait for the next login: a blocked or removed account loses
 * its open session at once, and a changed role, scope or password reset (a newer account version)
 * reloads the principal. One primary-key lookup per request.
 */
class AccountFreshnessFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final AccountUserDetailsService users;
    private final AuditLog auditLog;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountFreshnessFilter(JdbcClient jdbc, AccountUserDetailsService users, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.users = users;
        this.auditLog = auditLog;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            Optional<Status> status = jdbc.sql("""
                            SELECT u.enabled, u.version, s.id FROM app_user u LEFT JOIN supporter s ON s.user_id = u.id
                             WHERE u.id = :id""")
                    .param("id", principal.user().id())
                    .query((rs, i) -> new Status(rs.getBoolean(1), rs.getInt(2), rs.getObject(3, Long.class)))
                    .optional();
            if (status.isEmpty() || !status.get().enabled()) {
                endSession(request, principal);
                response.sendRedirect(request.getContextPath() + "/login?geblokkeerd");
                return;
            }
            if (status.get().version() != principal.version()
                    || !java.util.Objects.equals(status.get().supporterId(), principal.user().supporterId())) {
                refresh(request, response, authentication, principal);
            }
        }
        chain.doFilter(request, response);
    }

    private void endSession(HttpServletRequest request, AccountPrincipal principal) {
        auditLog.recordFor(principal.user().username(), principal.user().role().name(), principal.user().id(),
                AuditEntry.of(AuditAction.EXECUTE, "SESSION_ENDED_BLOCKED", "USER", principal.user().id()));
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void refresh(HttpServletRequest request, HttpServletResponse response, Authentication old,
                         AccountPrincipal principal) {
        AccountPrincipal fresh = users.loadUserByUsername(principal.getUsername());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        token.setDetails(old.getDetails());
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }

    private record Status(boolean enabled, int version, Long supporterId) {
    }
}
