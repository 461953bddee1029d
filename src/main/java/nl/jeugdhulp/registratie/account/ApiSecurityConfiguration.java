package nl.jeugdhulp.registratie.account;

import jakarta.servlet.http.HttpServletResponse;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.audit.AuditOutcome;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API under /api/**: its own filter chain, before the form-login chain. Scripts send a
 * personal token as {@code Authorization: Bearer ...}; no session, no cookie, so no CSRF token
 * either. The token carries its user's role: the report needs the same roles as the report page,
 * the export the same roles as the export page; everything else under /api is closed.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String[] REPORT_ROLES = {Role.BEHEERDER.name(), Role.PROJECTLEIDER.name(),
            Role.PRAKTIJKONDERSTEUNER.name()};
    /** The roles with the export of the registration file (page /export and GET /api/v1/exports). */
    static final String[] EXPORT_ROLES = {Role.ONDERZOEKER.name(), Role.PROJECTLEIDER.name(), Role.BEHEERDER.name()};
    /** Who may make API tokens: whoever has a part of the API. */
    static final String[] TOKEN_ROLES = {Role.BEHEERDER.name(), Role.PROJECTLEIDER.name(),
            Role.PRAKTIJKONDERSTEUNER.name(), Role.ONDERZOEKER.name()};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokens tokens, AccountUserDetailsService users,
                                               AuditLog auditLog, JsonMapper json, MessageSource messages)
            throws Exception {
        ApiErrorWriter errors = new ApiErrorWriter(json, messages);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/reports/**").hasAnyRole(REPORT_ROLES)
                        .requestMatchers("/api/v1/exports").hasAnyRole(EXPORT_ROLES)
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/imports").hasAnyRole(REPORT_ROLES)
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) ->
                                errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "api.error.tokenMissing"))
                        .accessDeniedHandler((request, response, e) -> {
                            auditLog.record(AuditEntry.of(AuditAction.EXECUTE, "API_ACCESS_DENIED", "API", null)
                                    .withOutcome(AuditOutcome.DENIED)
                                    .withDetails(request.getMethod() + " " + request.getRequestURI()));
                            errors.write(response, HttpServletResponse.SC_FORBIDDEN, "api.error.forbidden");
                        }))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .addFilterBefore(new BearerTokenFilter(tokens, users, auditLog, errors), BasicAuthenticationFilter.class);
        return http.build();
    }
}
