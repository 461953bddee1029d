package nl.jeugdhulp.registratie.account;

import java.util.Collection;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Role checks for the templates ({@code ${@roles.has('PROJECTLEIDER')}}), with the meaning of Spring Security's
 * {@code hasRole}, {@code hasAnyRole} and {@code isAuthenticated}. The security dialect's {@code sec:authorize}
 * parses its SpEL access expression again on every use, which cost the layout's fourteen menu checks about half a
 * millisecond of CPU on every page (docs/performance.md, load test); these read the authorities directly.
 */
@Component("roles")
class RoleChecks {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    /** Logged in (not anonymous). */
    public boolean authenticated() {
        return TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The current user has one of these roles (names of {@link Role}). */
    public boolean has(String... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                for (String role : roles) {
                    if (name.length() == role.length() + 5 && name.endsWith(role)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
