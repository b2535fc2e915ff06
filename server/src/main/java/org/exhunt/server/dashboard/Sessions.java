package org.exhunt.server.dashboard;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard sign-ins. The browser's cookie holds a random session id, never the analyst's token:
 * a cookie that leaks (a shared browser profile, a backup) opens the dashboard for at most
 * {@link #LIFETIME} and nothing else, and the token stays usable only where it was pasted. A
 * session keeps the hash of the token it was opened with, so the page checks the token on every
 * request: revoking the token ends its sessions at once. Sessions live in memory; a restart signs
 * everyone out, which costs a paste.
 */
final class Sessions {

    /** How long a sign-in lasts, whatever the activity: a working day and a half. */
    static final Duration LIFETIME = Duration.ofHours(12);
    /** Sign-ins kept at most; beyond it the expired ones go first, then any (a flood of logins must not eat the heap). */
    static final int MAX_SESSIONS = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(String tokenHash, long expiresMillis) {
    }

    private final Map<String, Session> open = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** Opens a session for the token with this hash; returns its id for the cookie. */
    String open(String tokenHash) {
        if (open.size() >= MAX_SESSIONS) prune();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        open.put(id, new Session(tokenHash, clock.millis() + LIFETIME.toMillis()));
        return id;
    }

    /** The token hash of a live session; empty for an unknown, malformed or expired id. */
    Optional<String> tokenHash(String id) {
        if (id == null || id.length() != 43) return Optional.empty();
        Session s = open.get(id);
        if (s == null) return Optional.empty();
        if (clock.millis() >= s.expiresMillis()) {
            open.remove(id);
            return Optional.empty();
        }
        return Optional.of(s.tokenHash());
    }

    void close(String id) {
        if (id != null) open.remove(id);
    }

    int size() {
        return open.size();
    }

    private void prune() {
        long now = clock.millis();
        open.values().removeIf(s -> now >= s.expiresMillis());
        Iterator<String> it = open.keySet().iterator();
        while (open.size() >= MAX_SESSIONS && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
