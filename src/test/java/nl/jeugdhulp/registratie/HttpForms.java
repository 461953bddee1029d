package nl.jeugdhulp.registratie;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a browser reads from and sends with a form, for tests over real HTTP ({@code java.net.http}). */
public final class HttpForms {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private HttpForms() {
    }

    /** The CSRF token of the page's (first) form. */
    public static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field on the page").isTrue();
        return matcher.group(1);
    }

    /** The value the response's last {@code Set-Cookie} for {@code name} gives (empty when it deletes the cookie). */
    public static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1).split(";", 2)[0])
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
    }

    /** An {@code application/x-www-form-urlencoded} body. */
    public static String form(Map<String, String> fields) {
        StringJoiner form = new StringJoiner("&");
        fields.forEach((name, value) -> form.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
