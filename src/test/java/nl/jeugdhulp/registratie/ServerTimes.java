package nl.jeugdhulp.registratie;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Deque;
import java.util.Iterator;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The server's own time per request, from entering the first filter to leaving it (security, session,
 * controller, template), for the browser tests' page-load table. The browser's "document" time also
 * holds the time a request waits for a core that Chromium and the server share, so the two side by side
 * say which of them a slow page load is.
 */
final class ServerTimes {

    private static final int KEPT = 200;
    private static final Deque<Served> LAST = new ConcurrentLinkedDeque<>();

    private ServerTimes() {
    }

    record Served(String method, String path, double millis) {
    }

    /** Milliseconds of the latest request with this method and path (no query string), if one was served. */
    static OptionalDouble last(String method, String path) {
        for (Iterator<Served> it = LAST.descendingIterator(); it.hasNext(); ) {
            Served served = it.next();
            if (served.method().equals(method) && served.path().equals(path)) {
                return OptionalDouble.of(served.millis());
            }
        }
        return OptionalDouble.empty();
    }

    /** Registers the timing filter ahead of every other filter; imported by {@link BrowserTestSupport}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        @Bean
        FilterRegistrationBean<Filter> serverTimesFilter() {
            Filter filter = (request, response, chain) -> {
                long start = System.nanoTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    HttpServletRequest http = (HttpServletRequest) request;
                    LAST.addLast(new Served(http.getMethod(), http.getRequestURI(), (System.nanoTime() - start) / 1e6));
                    while (LAST.size() > KEPT) {
                        LAST.pollFirst();
                    }
                }
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
