package nl.jeugdhulp.registratie.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.AbstractFlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.WebUtils;

/**
 * Keeps message flashes (the "saved" line a save redirects to) in a short-lived cookie instead of the HTTP
 * session. Sessions live in PostgreSQL, so a flash in the session cost every save a session write on the
 * POST and another on the GET that showed and removed it. Only maps that {@link FlashCookieCodec#fits}
 * (allow-listed names, message-key values) go into the cookie; any other flash (the API token shown once)
 * stays in the session exactly where Spring's {@link SessionFlashMapManager} keeps it. Matching a map to
 * its request and expiry stay Spring's ({@link AbstractFlashMapManager}).
 */
final class CookieFlashMapManager implements FlashMapManager {

    static final String COOKIE = "melding";
    static final String SESSION_ATTRIBUTE = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";
    /** Another instance's clock may run a little ahead of this one's. */
    private static final long CLOCK_SKEW_MILLIS = 60_000;
    // The maps the client holds after this request: the Cookie header is stale once a Set-Cookie was written.
    private static final String CURRENT = CookieFlashMapManager.class.getName() + ".CURRENT";

    private final Store store = new Store();

    @Override
    public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
        // Nested dispatches (the error page) come here again and must see this request's changes.
        if (request.getAttribute(CURRENT) == null) {
            Optional<List<FlashMap>> read = readCookie(request);
            // Spring's base class would still hand out an expired map that matches. The browser drops the
            // cookie at expiry (Max-Age), so an expired map that arrives anyway was kept or made by hand.
            List<FlashMap> live = read.orElse(List.of()).stream().filter(map -> !map.isExpired()).toList();
            if (read.isEmpty() || (live.isEmpty() && !read.get().isEmpty())) {
                writeCookie(List.of(), request, response); // broken, edited or all stale: cleared, never an error
            } else {
                // Stale maps are only left out, not written away: rewriting the live ones here could bring back a
                // map that a request sent at the same time has just shown. The cookie's Max-Age ends them anyway.
                request.setAttribute(CURRENT, live);
            }
        }
        return store.retrieveAndUpdate(request, response);
    }

    @Override
    public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
        store.saveOutputFlashMap(flashMap, request, response);
    }

    /** The cookie's maps; none without a cookie, empty for one that does not decode. */
    private Optional<List<FlashMap>> readCookie(HttpServletRequest request) {
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        if (cookie == null) {
            return Optional.of(List.of());
        }
        long latestExpiry = System.currentTimeMillis() + store.getFlashMapTimeout() * 1000L + CLOCK_SKEW_MILLIS;
        return FlashCookieCodec.decode(cookie.getValue(), latestExpiry);
    }

    @SuppressWarnings("unchecked")
    private List<FlashMap> cookieMaps(HttpServletRequest request) {
        if (request.getAttribute(CURRENT) instanceof List<?> current) {
            return (List<FlashMap>) current;
        }
        return readCookie(request).orElse(List.of());
    }

    private void writeCookie(List<FlashMap> maps, HttpServletRequest request, HttpServletResponse response) {
        long lastExpiry = maps.stream().mapToLong(FlashMap::getExpirationTime).max().orElse(0);
        long maxAge = maps.isEmpty() ? 0 : Math.max(1, (lastExpiry - System.currentTimeMillis() + 999) / 1000);
        ResponseCookie cookie = ResponseCookie.from(COOKIE, maps.isEmpty() ? "" : FlashCookieCodec.encode(maps))
                .path(StringUtils.hasLength(request.getContextPath()) ? request.getContextPath() : "/")
                .maxAge(maxAge).httpOnly(true).secure(request.isSecure()).sameSite("Lax").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        request.setAttribute(CURRENT, List.copyOf(maps));
    }

    /** Spring's matching and expiry over the cookie's maps followed by the session's. */
    private final class Store extends AbstractFlashMapManager {

        @Override
        protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
            List<FlashMap> maps = new ArrayList<>(cookieMaps(request));
            maps.addAll(sessionMaps(request.getSession(false)));
            return maps.isEmpty() ? null : maps;
        }

        @Override
        protected void updateFlashMaps(List<FlashMap> maps, HttpServletRequest request, HttpServletResponse response) {
            List<FlashMap> toCookie = new ArrayList<>();
            List<FlashMap> toSession = new ArrayList<>();
            for (FlashMap map : maps) {
                (FlashCookieCodec.fits(map) && fitsBeside(toCookie, map) ? toCookie : toSession).add(map);
            }
            if (!FlashCookieCodec.encode(toCookie).equals(FlashCookieCodec.encode(cookieMaps(request)))) {
                writeCookie(toCookie, request, response);
            }
            // Only a session that holds flash maps or receives one is touched: a message flash writes none.
            if (!sameMaps(toSession, sessionMaps(request.getSession(false)))) {
                WebUtils.setSessionAttribute(request, SESSION_ATTRIBUTE, toSession.isEmpty() ? null : toSession);
            }
        }

        @Override
        protected Object getFlashMapsMutex(HttpServletRequest request) {
            // Spring's default is one lock for all requests; a cookie is the client's own and needs none.
            HttpSession session = request.getSession(false);
            return session == null ? null : WebUtils.getSessionMutex(session);
        }

        /** Whether the cookie stays small enough with one map more; many open tabs overflow to the session. */
        private static boolean fitsBeside(List<FlashMap> cookie, FlashMap map) {
            List<FlashMap> more = new ArrayList<>(cookie);
            more.add(map);
            return FlashCookieCodec.encode(more).length() <= FlashCookieCodec.MAX_LENGTH;
        }

        @SuppressWarnings("unchecked")
        private static List<FlashMap> sessionMaps(HttpSession session) {
            return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof List<?> kept
                    ? (List<FlashMap>) kept : List.of();
        }

        /** The same map objects: equal-looking maps may differ in expiry, which {@link FlashMap#equals} ignores. */
        private static boolean sameMaps(List<FlashMap> left, List<FlashMap> right) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (left.get(i) != right.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
