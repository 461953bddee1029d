package nl.jeugdhulp.registratie.questionnaire;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Limits anonymous submissions without keeping who sent what: fixed one-hour windows counted in
 * memory, per sender address and per link. The address is never stored: only an HMAC of it under a
 * random key made at start-up (and never written anywhere), so the counters cannot be turned back
 * into addresses, and they are dropped when their hour is over.
 */
@Component
class SubmissionLimiter {

    private final QuestionnaireProperties properties;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    SubmissionLimiter(QuestionnaireProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Counts one submission; false when the address or the link has used up its hour. */
    boolean allow(String address, String linkToken) {
        long hour = clock.millis() / 3_600_000L;
        windows.values().removeIf(w -> w.hour != hour);
        String addressKey = "a:" + hash(address == null ? "" : address);
        String linkKey = "l:" + hash(linkToken);
        boolean addressOk = count(addressKey, hour) <= properties.perAddressPerHour();
        boolean linkOk = count(linkKey, hour) <= properties.perLinkPerHour();
        return addressOk && linkOk;
    }

    private int count(String key, long hour) {
        return windows.compute(key, (k, w) -> w == null || w.hour != hour ? new Window(hour, 1) : new Window(hour, w.count + 1))
                .count;
    }

    private String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Window(long hour, int count) {
    }
}
