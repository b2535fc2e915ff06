package org.exhunt.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-03-03T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSessionAnswersUntilItsLifetimeIsOverAndNotAfter() {
        Hand clock = new Hand();
        Sessions sessions = new Sessions(clock);
        String id = sessions.open("hash-a");

        clock.now = clock.now.plus(Sessions.LIFETIME).minusSeconds(1);
        assertThat(sessions.tokenHash(id)).contains("hash-a");
        clock.now = clock.now.plusSeconds(1);
        assertThat(sessions.tokenHash(id)).isEmpty();
        assertThat(sessions.size()).as("an expired session is dropped when seen").isZero();
    }

    @Test
    void idsAreRandomAndUnknownOrMalformedIdsAnswerNothing() {
        Sessions sessions = new Sessions(new Hand());
        String a = sessions.open("h");
        String b = sessions.open("h");

        assertThat(a).isNotEqualTo(b).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(sessions.tokenHash(null)).isEmpty();
        assertThat(sessions.tokenHash("")).isEmpty();
        assertThat(sessions.tokenHash(a + "x")).isEmpty();
        assertThat(sessions.tokenHash("A".repeat(43))).isEmpty();
    }

    @Test
    void manySignInsNeverKeepMoreThanTheCapExpiredOnesGoingFirst() {
        Hand clock = new Hand();
        Sessions sessions = new Sessions(clock);
        String old = sessions.open("old");
        clock.now = clock.now.plus(Sessions.LIFETIME).plus(Duration.ofMinutes(1));
        for (int i = 1; i < Sessions.MAX_SESSIONS; i++) sessions.open("h" + i);
        assertThat(sessions.size()).isEqualTo(Sessions.MAX_SESSIONS);

        String fresh = sessions.open("fresh");

        assertThat(sessions.size()).isLessThanOrEqualTo(Sessions.MAX_SESSIONS);
        assertThat(sessions.tokenHash(fresh)).contains("fresh");
        assertThat(sessions.tokenHash(old)).isEmpty();
        for (int i = 0; i < 3 * Sessions.MAX_SESSIONS; i++) sessions.open("flood");
        assertThat(sessions.size()).isLessThanOrEqualTo(Sessions.MAX_SESSIONS);
    }
}
