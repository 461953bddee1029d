package nl.jeugdhulp.registratie.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A session store that records a session's last access at most once per {@code resolution}.
 *
 * <p>Spring Session moves the last access time on every request, and the JDBC store then writes the
 * session row back: an UPDATE and a durable commit for every page view, although nothing else in the
 * session changed (docs/performance.md, "Where a page's CPU goes"). Here a newer access time is passed on
 * only once it is {@code resolution} past the recorded one; attribute changes, a new session id and
 * deletion pass on as before. The price: an idle session expires up to {@code resolution} before the
 * configured timeout would have ended it counted from the very last request.
 */
final class CoarseAccessTimeSessions<S extends Session> implements SessionRepository<CoarseAccessTimeSessions.Tracked<S>> {

    private final SessionRepository<S> store;
    private final Duration resolution;

    CoarseAccessTimeSessions(SessionRepository<S> store, Duration resolution) {
        if (resolution.isNegative()) {
            throw new IllegalArgumentException("resolution must not be negative: " + resolution);
        }
        this.store = store;
        this.resolution = resolution;
    }

    @Override
    public Tracked<S> createSession() {
        return new Tracked<>(store.createSession(), resolution);
    }

    @Override
    public void save(Tracked<S> session) {
        store.save(session.stored);
    }

    @Override
    public Tracked<S> findById(String id) {
        S found = store.findById(id);
        return found == null ? null : new Tracked<>(found, resolution);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    /** The store's session, whose last access time moves only in steps of at least the resolution. */
    static final class Tracked<S extends Session> implements Session {

        private final S stored;
        private final Duration resolution;

        Tracked(S stored, Duration resolution) {
            this.stored = stored;
            this.resolution = resolution;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            // Setting it marks the stored session changed, which is what makes the store write it.
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(resolution) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
