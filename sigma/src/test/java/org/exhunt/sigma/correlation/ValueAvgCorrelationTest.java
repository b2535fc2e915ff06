package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueAvgCorrelationTest {

    private static Fixture slowRequests() {
        return Fixture.of("""
                title: Slow requests
                correlation:
                    type: value_avg
                    rules:
                        - request
                    group-by:
                        - ip
                    timespan: 1h
                    condition:
                        field: time-taken
                        gte: 500
                """, "request");
    }

    @Test
    void matchesWhenTheAverageReachesTheThreshold() {
        Fixture f = slowRequests();
        assertThat(f.run(
                f.match("request", 0, "ip", "192.0.2.1", "time-taken", 100L),
                f.match("request", 1, "ip", "192.0.2.1", "time-taken", 900L)))
                .last().satisfies(m -> assertThat(m.value()).isEqualTo(500));
    }

    @Test
    void doesNotMatchBelowTheThreshold() {
        Fixture f = slowRequests();
        assertThat(f.run(
                f.match("request", 0, "ip", "192.0.2.1", "time-taken", 100L),
                f.match("request", 1, "ip", "192.0.2.1", "time-taken", 800L),
                f.match("request", 2, "ip", "192.0.2.1", "time-taken", 200L))).isEmpty();
    }

    @Test
    void matchesWithoutANumberDoNotPullTheAverageDown() {
        Fixture f = slowRequests();
        assertThat(f.run(
                f.match("request", 0, "ip", "192.0.2.1", "time-taken", 600L),
                f.match("request", 1, "ip", "192.0.2.1"))).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo(600));
    }

    @Test
    void aWindowWithoutNumbersHasNoAverageAndNeverMatches() {
        Fixture f = Fixture.of("""
                title: Low average
                correlation:
                    type: value_avg
                    rules:
                        - request
                    group-by:
                        - ip
                    timespan: 1h
                    condition:
                        field: time-taken
                        lt: 10
                """, "request");
        assertThat(f.run(f.match("request", 0, "ip", "192.0.2.1"))).isEmpty();
    }
}
