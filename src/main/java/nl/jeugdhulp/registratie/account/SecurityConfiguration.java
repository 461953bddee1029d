package nl.jeugdhulp.registratie.account;

import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Form login, deny by default. URL rules give each role its area; which objects within it a user
 * may see is decided by the features from {@link CurrentUser} (a foreign id answers 404).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** After the API chain ({@link ApiSecurityConfiguration}, /api/** only): everything else. */
    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginAuditHandlers loginHandlers, JdbcClient jdbc,
                                            AccountUserDetailsService users, AuditLog auditLog,
                                            LoginThrottle throttle, SecondFactor secondFactor,
                                            Passkeys passkeys) throws Exception {
        AccountFreshnessFilter freshness = new AccountFreshnessFilter(jdbc, users, auditLog);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/privacy", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/actuator/health").permitAll()
                        // The anonymous client questionnaire behind a supporter's personal link (CSRF stays on).
                        .requestMatchers("/v/**").permitAll()
                        .requestMatchers("/beheer/**").hasRole(Role.BEHEERDER.name())
                        .requestMatchers("/trajecten/**", "/profiel/**", "/capj/**").hasRole(Role.PRAKTIJKONDERSTEUNER.name())
                        .requestMatchers("/import", "/import/**").hasAnyRole(Role.PRAKTIJKONDERSTEUNER.name(),
                                Role.PROJECTLEIDER.name(), Role.BEHEERDER.name())
                        .requestMatchers("/pilot/**").hasRole(Role.PROJECTLEIDER.name())
                        .requestMatchers("/rapportage/**").hasAnyRole(Role.BEHEERDER.name(), Role.PROJECTLEIDER.name(),
                                Role.PRAKTIJKONDERSTEUNER.name())
                        .requestMatchers("/samenvatting/aannames", "/samenvatting/aannames/**")
                                .hasAnyRole(Role.BEHEERDER.name(), Role.PROJECTLEIDER.name())
                        .requestMatchers("/samenvatting", "/samenvatting/**").hasAnyRole(Role.GEMEENTE.name(),
                                Role.PROJECTLEIDER.name(), Role.BEHEERDER.name())
                        .requestMatchers("/export", "/export/**").hasAnyRole(ApiSecurityConfiguration.EXPORT_ROLES)
                        // Spring's passkey registration (POST /webauthn/register, DELETE /webauthn/register/{id}).
                        .requestMatchers("/webauthn/register", "/webauthn/register/**").authenticated()
                        .requestMatchers("/account/tokens/**").hasAnyRole(ApiSecurityConfiguration.TOKEN_ROLES)
                        .requestMatchers("/", "/account/**", "/registratiebestand", "/registratiebestand/**").authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(loginHandlers)
                        .failureHandler(loginHandlers)
                        .permitAll())
                .webAuthn(passkeys::configure)
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessHandler(loginHandlers)
                        .permitAll())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")))
                .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(freshness, BasicAuthenticationFilter.class)
                .addFilterAfter(new SecondFactorFilter(secondFactor), AccountFreshnessFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(), SecondFactorFilter.class);
        return http.build();
    }

    /**
     * No Micrometer observations of the filter chain, authentications and authorizations: with the actuator
     * present Spring Security wraps each of the chain's filters in an observation and records timers for
     * them on every request, which nothing here reads (only the health endpoint is exposed); Micrometer code was
     * about 2 % of an edit form's CPU samples with these included (docs/performance.md, load test run 9). The
     * requests' own timing (http.server.requests) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating encoder: bcrypt today, and hashes say their algorithm so it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
