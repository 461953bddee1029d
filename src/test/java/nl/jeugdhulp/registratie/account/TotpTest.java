package nl.jeugdhulp.registratie.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors (SHA-1) and the rules around them. */
class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238Sha1Vectors() {
        assertThat(Totp.code(RFC_KEY, Totp.step(59), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(1111111109), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, Totp.step(1111111111), 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_KEY, Totp.step(1234567890), 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, Totp.step(2000000000), 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_KEY, Totp.step(20000000000L), 8)).isEqualTo("65353130");
        assertThat(Totp.code(RFC_KEY, Totp.step(59), 6)).isEqualTo("287082");
    }

    @Test
    void base32RoundTripsAndMatchesTheRfcKey() {
        assertThat(Totp.base32(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_KEY);
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.grouped("ABCDEFGH")).isEqualTo("ABCD EFGH");
    }

    @Test
    void aCodeMatchesOneStepOfDriftEitherWayButNeverTwiceOrFurther() {
        String secret = Totp.base32(RFC_KEY);
        long now = 1234567890;
        long step = Totp.step(now);
        assertThat(Totp.match(secret, Totp.code(secret, step), now, 0)).isEqualTo(step);
        assertThat(Totp.match(secret, Totp.code(secret, step - 1), now, 0)).isEqualTo(step - 1);
        assertThat(Totp.match(secret, Totp.code(secret, step + 1), now, 0)).isEqualTo(step + 1);
        assertThat(Totp.match(secret, Totp.code(secret, step - 2), now, 0)).isEqualTo(-1);
        assertThat(Totp.match(secret, Totp.code(secret, step), now, step)).as("replayed").isEqualTo(-1);
        assertThat(Totp.match(secret, "12345", now, 0)).isEqualTo(-1);
        assertThat(Totp.match(secret, "abcdef", now, 0)).isEqualTo(-1);
        String spaced = Totp.code(secret, step).substring(0, 3) + " " + Totp.code(secret, step).substring(3);
        assertThat(Totp.match(secret, spaced, now, 0)).isEqualTo(step);
    }

    @Test
    void theLinkIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.uri("Jeugdhulp bij de Huisarts", "poh.jansen", "ABCD"))
                .isEqualTo("otpauth://totp/Jeugdhulp%20bij%20de%20Huisarts:poh.jansen?secret=ABCD"
                        + "&issuer=Jeugdhulp%20bij%20de%20Huisarts&algorithm=SHA1&digits=6&period=30");
    }
}
