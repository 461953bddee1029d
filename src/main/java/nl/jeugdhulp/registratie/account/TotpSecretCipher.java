package nl.jeugdhulp.registratie.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM under {@code app.security.totp-key} (32 bytes,
 * base64). Stored form: {@code v1:} + base64(12-byte nonce, ciphertext, 16-byte tag). The user id is
 * authenticated data, so a secret copied to another account's row does not decrypt. Without a valid
 * key the application does not start (docs/security.md).
 */
@Component
class TotpSecretCipher {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    TotpSecretCipher(@Value("${app.security.totp-key:}") String base64Key) {
        this.key = parse(base64Key);
    }

    /** The base32 secret, encrypted for this user's row. */
    String encrypt(long userId, String base32Secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(userId));
            byte[] sealed = cipher.doFinal(Totp.decode(base32Secret));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform", e);
        }
    }

    /** The base32 secret; {@link UnreadableSecretException} for plaintext, damage or another key. */
    String decrypt(long userId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new UnreadableSecretException("not an encrypted secret");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (all.length <= NONCE_BYTES) {
                throw new UnreadableSecretException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(userId));
            return Totp.base32(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new UnreadableSecretException(e.getClass().getSimpleName());
        }
    }

    static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] associatedData(long userId) {
        return ("app_user:" + userId).getBytes(StandardCharsets.US_ASCII);
    }

    private static SecretKey parse(String base64Key) {
        byte[] bytes;
        try {
            bytes = base64Key == null ? new byte[0] : Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("app.security.totp-key (environment APP_TOTP_KEY) must be 32 random bytes "
                    + "in base64, for example from 'openssl rand -base64 32'; it encrypts the TOTP secrets at rest");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A stored secret that cannot be read with the configured key: the second factor fails closed. */
    static class UnreadableSecretException extends RuntimeException {
        UnreadableSecretException(String reason) {
            super(reason);
        }
    }
}
