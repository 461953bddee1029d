package nl.jeugdhulp.registratie.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.springframework.web.servlet.FlashMap;

/**
 * The flash cookie's value: per flash map one line {@code expiry path params attributes} (space-separated,
 * each part URL-encoded, pairs as {@code name=value&...}), the lines Base64url-encoded as a whole. The
 * client can edit the cookie, so {@link #decode} accepts exactly what {@link #encode} writes for maps that
 * {@link #fits}, and nothing else.
 */
final class FlashCookieCodec {

    /** The only flash attributes that travel in the cookie; every other flash stays in the session. */
    static final Set<String> NAMES = Set.of("message", "warning");
    /** Well under the 4096 bytes a browser keeps per cookie, with room for its name and attributes. */
    static final int MAX_LENGTH = 2048;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private FlashCookieCodec() {
    }

    /** Whether the map may travel in a cookie: only allow-listed names with message keys, so nothing secret. */
    static boolean fits(Map<String, ?> attributes) {
        return !attributes.isEmpty() && attributes.entrySet().stream().allMatch(attribute ->
                NAMES.contains(attribute.getKey())
                        && attribute.getValue() instanceof String key && KEY.matcher(key).matches())
                // A redirect's query parameters travel with the map: only key-shaped ones, so no typed text does.
                && (!(attributes instanceof FlashMap map) || map.getTargetRequestParams().entrySet().stream()
                        .allMatch(param -> KEY.matcher(param.getKey()).matches()
                                && param.getValue().stream().allMatch(value -> KEY.matcher(value).matches())));
    }

    static String encode(List<FlashMap> maps) {
        StringJoiner lines = new StringJoiner("\n");
        for (FlashMap map : maps) {
            String path = map.getTargetRequestPath() == null ? "" : map.getTargetRequestPath();
            StringJoiner params = new StringJoiner("&");
            map.getTargetRequestParams().forEach((name, values) ->
                    values.forEach(value -> params.add(pair(name, value))));
            StringJoiner attributes = new StringJoiner("&");
            map.forEach((name, value) -> attributes.add(pair(name, (String) value)));
            lines.add(map.getExpirationTime() + " " + url(path) + " " + params + " " + attributes);
        }
        byte[] text = lines.toString().getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /**
     * The maps in a cookie value, or empty when the value is oversized, malformed, names an attribute off the
     * list, holds a value that is not a message key, or expires after {@code latestExpiry} (epoch millis).
     */
    static Optional<List<FlashMap>> decode(String value, long latestExpiry) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(value))).toString();
            List<FlashMap> maps = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                FlashMap map = map(line, latestExpiry);
                if (map == null) {
                    return Optional.empty();
                }
                maps.add(map);
            }
            return Optional.of(maps);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // Bad Base64, bad UTF-8, a bad %-escape or number: a cookie this application did not write.
            return Optional.empty();
        }
    }

    private static FlashMap map(String line, long latestExpiry) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 4) {
            return null;
        }
        long expiry = Long.parseLong(parts[0]);
        String path = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
        if (expiry <= 0 || expiry > latestExpiry || !(path.isEmpty() || path.startsWith("/"))) {
            return null;
        }
        FlashMap map = new FlashMap();
        map.setExpirationTime(expiry);
        map.setTargetRequestPath(path.isEmpty() ? null : path);
        for (String[] param : pairs(parts[2])) {
            if (param == null || param[0].isEmpty()) {
                return null;
            }
            map.addTargetRequestParam(param[0], param[1]);
        }
        for (String[] attribute : pairs(parts[3])) {
            if (attribute == null || map.putIfAbsent(attribute[0], attribute[1]) != null) {
                return null;
            }
        }
        return fits(map) ? map : null;
    }

    /** The decoded name-value pairs; a null element for a pair without exactly one '='. */
    private static List<String[]> pairs(String joined) {
        List<String[]> pairs = new ArrayList<>();
        if (!joined.isEmpty()) {
            for (String pair : joined.split("&", -1)) {
                String[] nameValue = pair.split("=", -1);
                pairs.add(nameValue.length != 2 ? null : new String[] {
                        URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8)});
            }
        }
        return pairs;
    }

    private static String pair(String name, String value) {
        return url(name) + "=" + url(value);
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
