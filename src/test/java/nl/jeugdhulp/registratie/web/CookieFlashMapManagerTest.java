package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.FlashMap;

/** Which flashes travel in the cookie, which stay in the session, and when the cookie is written. */
class CookieFlashMapManagerTest {

    final CookieFlashMapManager manager = new CookieFlashMapManager();

    record Token(String value) implements Serializable {
    }

    static FlashMap flash(String name, Object value) {
        FlashMap map = new FlashMap();
        map.put(name, value);
        return map;
    }

    /** A redirect to {@code target} with this flash, as RedirectView saves it, after the request's own retrieval. */
    MockHttpServletResponse save(MockHttpServletRequest request, String target, FlashMap map) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        manager.retrieveAndUpdate(request, response);
        map.setTargetRequestPath(target);
        manager.saveOutputFlashMap(map, request, response);
        return response;
    }

    /** The flash shown on this request, as a map (a FlashMap is also Comparable, which confuses assertThat). */
    Map<String, Object> retrieve(MockHttpServletRequest request, MockHttpServletResponse response) {
        return manager.retrieveAndUpdate(request, response);
    }

    static MockHttpServletRequest request(String method, String uri, String cookie) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        if (cookie != null) {
            request.setCookies(new Cookie(CookieFlashMapManager.COOKIE, cookie));
        }
        return request;
    }

    /** The value of the last flash cookie the response set, or null when it set none. */
    static String cookie(MockHttpServletResponse response) {
        List<String> set = response.getHeaders(HttpHeaders.SET_COOKIE).stream()
                .filter(header -> header.startsWith(CookieFlashMapManager.COOKIE + "=")).toList();
        return set.isEmpty() ? null
                : set.get(set.size() - 1).substring(CookieFlashMapManager.COOKIE.length() + 1).split(";")[0];
    }

    @Test
    void aMessageGoesIntoACookieAndNoSessionIsCreated() {
        MockHttpServletRequest post = request("POST", "/trajecten", null);
        MockHttpServletResponse response = save(post, "/trajecten/12", flash("message", "trajectory.created"));

        assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).singleElement().satisfies(header -> assertThat(header)
                .startsWith("melding=").contains("Path=/", "Max-Age=180", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Secure"));
        assertThat(post.getSession(false)).isNull();

        // Another page (a style sheet, the list) leaves it alone; the target shows it once and clears the cookie.
        MockHttpServletResponse other = new MockHttpServletResponse();
        assertThat(retrieve(request("GET", "/trajecten", cookie(response)), other)).isNull();
        assertThat(other.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
        MockHttpServletRequest get = request("GET", "/trajecten/12", cookie(response));
        MockHttpServletResponse shown = new MockHttpServletResponse();
        assertThat(retrieve(get, shown)).containsEntry("message", "trajectory.created");
        assertThat(shown.getHeaders(HttpHeaders.SET_COOKIE)).singleElement()
                .satisfies(header -> assertThat(header).startsWith("melding=;").contains("Max-Age=0"));
        assertThat(get.getSession(false)).isNull();
    }

    @Test
    void anythingElseStaysInTheSessionAsSpringKeepsIt() {
        MockHttpServletRequest post = request("POST", "/account/tokens", null);
        MockHttpServletResponse response = save(post, "/account/tokens", flash("created", new Token("jbh_geheim")));

        assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
        assertThat((List<?>) post.getSession().getAttribute(CookieFlashMapManager.SESSION_ATTRIBUTE)).hasSize(1);

        MockHttpServletRequest get = request("GET", "/account/tokens", null);
        get.setSession(post.getSession());
        assertThat(retrieve(get, new MockHttpServletResponse()))
                .containsEntry("created", new Token("jbh_geheim"));
        assertThat(get.getSession().getAttribute(CookieFlashMapManager.SESSION_ATTRIBUTE)).isNull();
    }

    @Test
    void twoTabsKeepTwoMessagesAndEachIsShownOnItsOwnPage() {
        String first = cookie(save(request("POST", "/trajecten/1", null), "/trajecten/1",
                flash("message", "trajectory.saved")));
        MockHttpServletResponse second = save(request("POST", "/trajecten/2", first), "/trajecten/2",
                flash("warning", "trajectory.contact.closed"));

        MockHttpServletResponse shown = new MockHttpServletResponse();
        assertThat(retrieve(request("GET", "/trajecten/1", cookie(second)), shown))
                .containsEntry("message", "trajectory.saved");
        String left = cookie(shown);
        assertThat(left).isNotEmpty();
        assertThat(retrieve(request("GET", "/trajecten/2", left), new MockHttpServletResponse()))
                .containsEntry("warning", "trajectory.contact.closed");
    }

    @Test
    void aMapConsumedByTheRequestThatSavesTheNextIsNotWrittenBack() {
        String pending = cookie(save(request("POST", "/trajecten/1", null), "/trajecten/1",
                flash("message", "trajectory.saved")));

        // A second save posts to the page the first one's message is meant for.
        MockHttpServletResponse again = save(request("POST", "/trajecten/1", pending), "/trajecten/1",
                flash("message", "trajectory.closed"));

        MockHttpServletResponse shown = new MockHttpServletResponse();
        assertThat(retrieve(request("GET", "/trajecten/1", cookie(again)), shown))
                .containsEntry("message", "trajectory.closed");
        assertThat(cookie(shown)).isEmpty();
    }

    @Test
    void anEditedCookieIsClearedWithoutAnError() {
        MockHttpServletRequest get = request("GET", "/trajecten/1", "bWVzc2FnZT08c2NyaXB0Pg");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(retrieve(get, response)).isNull();
        assertThat(cookie(response)).isEmpty();
        assertThat(get.getSession(false)).isNull();
    }

    @Test
    void anExpiredMapIsNotShownEvenOnItsOwnPage() {
        FlashMap stale = flash("message", "trajectory.saved");
        stale.setTargetRequestPath("/trajecten/1");
        stale.setExpirationTime(System.currentTimeMillis() - 1);
        FlashMap fresh = flash("message", "trajectory.closed");
        fresh.setTargetRequestPath("/trajecten/2");
        fresh.startExpirationPeriod(180);
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(retrieve(request("GET", "/trajecten/1", FlashCookieCodec.encode(List.of(stale, fresh))), response))
                .isNull();
        // Not rewritten with the fresh map: a request sent at the same time may just have shown it.
        assertThat(response.getHeader(HttpHeaders.SET_COOKIE)).isNull();

        MockHttpServletResponse onlyStale = new MockHttpServletResponse();
        assertThat(retrieve(request("GET", "/trajecten/1", FlashCookieCodec.encode(List.of(stale))), onlyStale)).isNull();
        assertThat(onlyStale.getHeader(HttpHeaders.SET_COOKIE)).contains("Max-Age=0");
    }

    @Test
    void aSecureRequestGetsASecureCookieOnItsContextPath() {
        MockHttpServletRequest post = request("POST", "/app/trajecten", null);
        post.setContextPath("/app");
        post.setSecure(true);

        MockHttpServletResponse response = save(post, "/app/trajecten/3", flash("message", "trajectory.created"));

        assertThat(response.getHeader(HttpHeaders.SET_COOKIE)).contains("Path=/app", "Secure");
    }
}
