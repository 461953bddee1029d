package nl.jeugdhulp.registratie.account;

import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The WebAuthn relying party and its JDBC repositories (V14 tables). Spring Security's
 * {@code http.webAuthn()} picks these beans up instead of its in-memory defaults.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, AuditLog audit) {
        return new AuditedCredentials(new JdbcUserCredentialRepository(jdbc), audit);
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository userEntities,
                                                       UserCredentialRepository credentials,
                                                       @Value("${app.security.webauthn.rp-id}") String rpId,
                                                       @Value("${app.security.webauthn.allowed-origins}") List<String> origins) {
        Webauthn4JRelyingPartyOperations relyingParty = new Webauthn4JRelyingPartyOperations(userEntities, credentials,
                PublicKeyCredentialRpEntity.builder().id(rpId).name(SecondFactor.ISSUER).build(),
                new LinkedHashSet<>(origins.stream().map(String::trim).toList()));
        // Required user verification (fingerprint, face or PIN) makes a passkey two factors in one;
        // with REQUIRED in the request options Spring checks the authenticator's UV flag.
        relyingParty.setCustomizeCreationOptions(options -> options.authenticatorSelection(
                AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED).build()));
        relyingParty.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return relyingParty;
    }

    /** Spring's registration filter saves a new passkey here: that is audited (later saves only update counters). */
    private record AuditedCredentials(UserCredentialRepository delegate, AuditLog audit) implements UserCredentialRepository {

        @Override
        public void save(CredentialRecord record) {
            boolean added = delegate.findByCredentialId(record.getCredentialId()) == null;
            delegate.save(record);
            if (added) {
                audit.record(AuditEntry.of(AuditAction.CREATE, "PASSKEY_REGISTERED", "USER", currentUserId())
                        .withDetails(record.getLabel()));
            }
        }

        @Override
        public void delete(Bytes credentialId) {
            delegate.delete(credentialId);
        }

        @Override
        public CredentialRecord findByCredentialId(Bytes credentialId) {
            return delegate.findByCredentialId(credentialId);
        }

        @Override
        public List<CredentialRecord> findByUserId(Bytes userId) {
            return delegate.findByUserId(userId);
        }

        private static Long currentUserId() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
                    ? principal.user().id() : null;
        }
    }
}
