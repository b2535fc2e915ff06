package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.exhunt.sigma.RuleMatch;
import org.junit.jupiter.api.Test;

class UncorrelatableMatchesTest {

    private static Fixture twice() {
        return Fixture.of("""
                title: twice
                correlation:
                    type: event_count
                    rules: [a]
                    timespan: 1m
                    condition: {gte: 2}
                """, "a");
    }

    @Test
    void matchesWithoutATimeAreCountedAndReportedNotCorrelated() {
        Fixture f = twice();
        RuleMatch timeless = new RuleMatch(f.rule("a"), new MapEvent(null, Map.of()), Map.of());
        f.correlator().accept(timeless);
        f.correlator().accept(timeless);
        f.correlator().accept(f.match("a", 0));
        assertThat(f.correlator().finish()).isEmpty();
        assertThat(f.correlator().problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(
                    "2 match(es) of the referenced rules had no event time and could not be correlated");
            assertThat(p.source()).isEqualTo("test.yml");
        });
    }

    @Test
    void finishIsCalledOnceAndEndsAccepting() {
        Fixture f = twice();
        f.correlator().finish();
        assertThatThrownBy(() -> f.correlator().finish()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> f.correlator().accept(f.match("a", 0))).isInstanceOf(IllegalStateException.class);
    }
}
