package nl.jeugdhulp.registratie.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.audit.AuditOutcome;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request by {@code Authorization: Bearer <token>}: the token's hash must name
 * a token that is not revoked, of a user who is not blocked. The request then runs as that user,
 * loaded exactly as at login (same principal, role and scope), for this request only: nothing is
 * kept in a session. Without the header the request stays anonymous and the entry point answers
 * 401; a token that does not hold is answered 401 here, and audited without the token itself.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AccountUserDetailsService users;
    private final AuditLog audit;
    private final ApiErrorWriter errors;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens, AccountUserDetailsService users, AuditLog audit, ApiErrorWriter errors) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        Optional<ApiTokens.Owner> found = tokens.find(token);
        if (found.isEmpty()) {
            reject(response, null, "UNKNOWN");
            return;
        }
        ApiTokens.Owner owner = found.get();
        if (owner.revoked()) {
            reject(response, owner, "REVOKED");
            return;
        }
        AccountPrincipal principal;
        try {
            principal = users.loadUserByUsername(owner.username());
        } catch (UsernameNotFoundException e) {
            reject(response, owner, "UNKNOWN_USER");
            return;
        }
        if (!principal.isEnabled()) {
            reject(response, owner, "USER_DISABLED");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        contexts.setContext(context);
        tokens.markUsed(owner.tokenId());
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private void reject(HttpServletResponse response, ApiTokens.Owner owner, String reason) throws IOException {
        contexts.clearContext();
        audit.recordFor(owner == null ? null : owner.username(), null, owner == null ? null : owner.userId(),
                AuditEntry.of(AuditAction.EXECUTE, "API_TOKEN_REJECTED", "API_TOKEN", owner == null ? null : owner.tokenId())
                        .withOutcome(AuditOutcome.FAILURE)
                        .withDetails(reason));
        errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "api.error.tokenInvalid");
    }
}
