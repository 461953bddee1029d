package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.FlashMap;

/** The flash cookie's value: what encode writes decodes to the same maps, anything else to nothing. */
class FlashCookieCodecTest {

    static final long EXPIRY = 1_800_000_000_000L;
    static final long LATEST = EXPIRY + 1_000;

    static FlashMap map(String path, Map<String, String> attributes) {
        FlashMap map = new FlashMap();
        map.setTargetRequestPath(path);
        map.putAll(attributes);
        map.setExpirationTime(EXPIRY);
        return map;
    }

    static String text(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void twoMapsWithTargetParamsSurviveTheRoundTrip() {
        FlashMap saved = map("/trajecten/12", Map.of("message", "trajectory.saved"));
        saved.addTargetRequestParam("pagina", "2");
        saved.addTargetRequestParam("status", "open");
        saved.addTargetRequestParam("status", "gesloten");
        FlashMap stale = map("/beheer/gebruikers", Map.of("message", "admin.saved", "warning", "form.stale"));
        stale.setExpirationTime(EXPIRY - 5_000);
        FlashMap anywhere = map(null, Map.of("warning", "admin.user.self"));

        String value = FlashCookieCodec.encode(List.of(saved, stale, anywhere));

        assertThat(value).matches("[A-Za-z0-9_-]+");
        List<FlashMap> decoded = FlashCookieCodec.decode(value, LATEST).orElseThrow();
        assertThat(decoded).containsExactly(saved, stale, anywhere); // FlashMap.equals: attributes, path, params
        assertThat(decoded.get(0).getTargetRequestParams().get("status"))
                .containsExactly("open", "gesloten");
        assertThat(decoded).extracting(FlashMap::getExpirationTime).containsExactly(EXPIRY, EXPIRY - 5_000, EXPIRY);
        assertThat(decoded.get(2).getTargetRequestPath()).isNull();
    }

    @Test
    void onlyAllowListedNamesWithMessageKeysFitInTheCookie() {
        assertThat(FlashCookieCodec.fits(Map.of("message", "trajectory.saved", "warning", "form.stale"))).isTrue();
        assertThat(FlashCookieCodec.fits(Map.of("created", "jbh_secret"))).isFalse();
        assertThat(FlashCookieCodec.fits(Map.of("message", "api.token.revoked", "created", "jbh_secret"))).isFalse();
        assertThat(FlashCookieCodec.fits(Map.of("message", new Object()))).isFalse();
        assertThat(FlashCookieCodec.fits(Map.of("message", "Opgeslagen!"))).isFalse();
        assertThat(FlashCookieCodec.fits(Map.of("message", "x".repeat(101)))).isFalse();
        assertThat(FlashCookieCodec.fits(Map.of())).isFalse();
        // A redirect's query parameters travel along: only key-shaped ones, never text someone typed.
        FlashMap search = map("/trajecten", Map.of("message", "trajectory.saved"));
        search.addTargetRequestParam("status", "open");
        assertThat(FlashCookieCodec.fits(search)).isTrue();
        search.addTargetRequestParam("zoek", "Jan de Vries");
        assertThat(FlashCookieCodec.fits(search)).isFalse();
        assertThat(FlashCookieCodec.decode(FlashCookieCodec.encode(List.of(search)), LATEST)).isEmpty();
    }

    @Test
    void aValueThisCodecDidNotWriteDecodesToNothing() {
        String good = EXPIRY + " %2Ftrajecten%2F12  message=trajectory.saved";
        assertThat(FlashCookieCodec.decode(text(good), LATEST)).isPresent();

        assertThat(FlashCookieCodec.decode(text(EXPIRY + " %2F  created=jbh_secret"), LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode(text(EXPIRY + " %2F  message=%3Cscript%3Ealert(1)%3C%2Fscript%3E"), LATEST))
                .isEmpty();
        assertThat(FlashCookieCodec.decode(text(EXPIRY + " %2F  message=a&message=b"), LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode(text(EXPIRY + " %2F  message"), LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode(text(EXPIRY + " %2F  "), LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode(text(EXPIRY + " %2F =x message=a.b"), LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode(text(EXPIRY + " http%3A%2F%2Felders  message=a.b"), LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode(text(EXPIRY + " %2F  message=%ZZ"), LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode(text("morgen %2F  message=a.b"), LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode(text((LATEST + 1) + " %2F  message=a.b"), LATEST))
                .as("an expiry further away than the timeout allows").isEmpty();
        assertThat(FlashCookieCodec.decode(text(good + "\n"), LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode(text(good + " extra"), LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode("!!niet-base64!!", LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode(Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28}),
                LATEST)).as("not UTF-8").isEmpty();
        assertThat(FlashCookieCodec.decode("", LATEST)).isEmpty();
        assertThat(FlashCookieCodec.decode("A".repeat(FlashCookieCodec.MAX_LENGTH + 1), LATEST)).isEmpty();
    }
}
