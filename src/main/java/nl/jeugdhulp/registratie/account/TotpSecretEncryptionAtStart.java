package nl.jeugdhulp.registratie.account;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secrets stored before V14 are plaintext base32. Flyway cannot encrypt them (it has no key), so the
 * application does it once at start-up, before anyone logs in; reading only ever accepts encrypted
 * secrets. A row that is not valid base32 cannot be saved and is cleared: that user enrols again.
 */
@Component
class TotpSecretEncryptionAtStart implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TotpSecretEncryptionAtStart.class);

    private final JdbcClient jdbc;
    private final TotpSecretCipher cipher;

    TotpSecretEncryptionAtStart(JdbcClient jdbc, TotpSecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<Plain> plain = jdbc.sql("""
                        SELECT id, totp_secret FROM app_user
                         WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE :prefix""")
                .param("prefix", TotpSecretCipher.PREFIX + "%")
                .query((rs, i) -> new Plain(rs.getLong(1), rs.getString(2))).list();
        int encrypted = 0;
        for (Plain row : plain) {
            String replacement;
            try {
                replacement = cipher.encrypt(row.id(), row.secret());
                encrypted++;
            } catch (IllegalArgumentException notBase32) {
                LOG.warn("TOTP secret of user {} is not base32 and was cleared; the user enrols again", row.id());
                replacement = null;
            }
            // Guarded on the old value: another instance starting at the same time may have done it already.
            jdbc.sql("UPDATE app_user SET totp_secret = :new WHERE id = :id AND totp_secret = :old")
                    .param("new", replacement).param("id", row.id()).param("old", row.secret()).update();
        }
        if (!plain.isEmpty()) {
            LOG.info("Encrypted {} plaintext TOTP secret(s) with app.security.totp-key", encrypted);
        }
    }

    private record Plain(long id, String secret) {
    }
}
