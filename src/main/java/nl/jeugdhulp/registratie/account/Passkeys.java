package nl.jeugdhulp.registratie.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.audit.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys through Spring Security's WebAuthn support. A passkey is a passwordless login that also
 * satisfies the second factor: the browser proves possession of the device key and, because user
 * verification is required, the fingerprint, face or PIN that unlocks it. The WebAuthn login is turned
 * into the application's own login (an {@link AccountPrincipal}, a new session id, the session marked
 * as verified, audited as LOGIN). Registering needs a session that already passed the second factor
 * (the {@link SecondFactorFilter} stands before Spring's registration filters), so a stolen password
 * alone cannot add a passkey. Credentials are in the V14 tables.
 */
@Component
class Passkeys {

    private static final Logger LOG = LoggerFactory.getLogger(Passkeys.class);

    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final UserCredentialRepository credentials;
    private final AccountUserDetailsService users;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final String rpId;
    private final Set<String> allowedOrigins;

    Passkeys(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials, JdbcClient jdbc,
             AccountUserDetailsService users, AuditLog audit, @Value("${app.security.webauthn.rp-id}") String rpId,
             @Value("${app.security.webauthn.allowed-origins}") List<String> allowedOrigins) {
        this.userEntities = userEntities;
        this.credentials = credentials;
        this.users = users;
        this.audit = audit;
        this.jdbc = jdbc;
        this.rpId = rpId;
        this.allowedOrigins = new LinkedHashSet<>(allowedOrigins.stream().map(String::trim).toList());
    }

    /** Called from {@link SecurityConfiguration}: the relying party, our own pages instead of Spring's. */
    void configure(WebAuthnConfigurer<HttpSecurity> webAuthn) {
        webAuthn.rpId(rpId).rpName(SecondFactor.ISSUER).allowedOrigins(allowedOrigins)
                .disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationSuccessHandler(Passkeys.this::loggedIn);
                        filter.setAuthenticationFailureHandler(Passkeys.this::failed);
                        return filter;
                    }
                });
    }

    /** The user's passkeys, oldest first. */
    List<CredentialRecord> of(String username) {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(username);
        if (entity == null) {
            return List.of();
        }
        return credentials.findByUserId(entity.getId()).stream()
                .sorted(Comparator.comparing(CredentialRecord::getCreated,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** Removes one of the user's own passkeys; false when it is not theirs (or gone). */
    @Transactional
    boolean remove(CurrentUser user, String credentialId) {
        boolean own = of(user.username()).stream()
                .anyMatch(c -> c.getCredentialId().toBase64UrlString().equals(credentialId));
        if (!own) {
            return false;
        }
        credentials.delete(Bytes.fromBase64(credentialId));
        audit.record(AuditEntry.of(AuditAction.DELETE, "PASSKEY_REMOVED", "USER", user.id()));
        return true;
    }

    @Transactional
    void loggedIn(HttpServletRequest request, HttpServletResponse response, Authentication webAuthn) throws IOException {
        AccountPrincipal principal;
        try {
            principal = users.loadUserByUsername(webAuthn.getName());
        } catch (UsernameNotFoundException e) {
            principal = null;
        }
        if (principal == null || !principal.isEnabled()) {
            // Spring has already stored its WebAuthn login in the session: take it out again.
            SecurityContextHolder.clearContext();
            contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            if (request.getSession(false) != null) {
                request.getSession(false).invalidate();
            }
            failed(request, response, new DisabledException("blocked"));
            return;
        }
        // The application's own login, as after a password, plus the second factor at once.
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        request.getSession().setAttribute(SecondFactor.VERIFIED, Boolean.TRUE);
        contexts.saveContext(context, request, response);
        CurrentUser user = principal.user();
        jdbc.sql("UPDATE app_user SET last_login_at = now() WHERE id = :id").param("id", user.id()).update();
        audit.recordFor(user.username(), user.role().name(), user.id(),
                AuditEntry.of(AuditAction.EXECUTE, "LOGIN", "USER", user.id()).withDetails("passkey"));
        String target = request.getContextPath() + (principal.mustChangePassword() ? "/account/wachtwoord" : "/");
        json(response, HttpStatus.OK, "{\"authenticated\":true,\"redirectUrl\":\"" + target + "\"}");
    }

    @Transactional
    void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        LOG.info("Passkey login refused: {}", exception.getMessage());
        audit.recordFor(null, null, null, AuditEntry.of(AuditAction.EXECUTE, "LOGIN_FAILED", "USER", null)
                .withOutcome(AuditOutcome.FAILURE).withDetails("passkey: " + exception.getClass().getSimpleName()));
        json(response, HttpStatus.UNAUTHORIZED, "{\"authenticated\":false}");
    }

    private static void json(HttpServletResponse response, HttpStatus status, String body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(body);
    }
}
