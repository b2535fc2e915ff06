package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.correlation.Fixture.at;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.RuleMatch;
import org.junit.jupiter.api.Test;

class EventCountCorrelationTest {

    private static final String THREE_IN_FIVE_MINUTES = """
            title: Many failed logins
            correlation:
                type: event_count
                rules:
                    - failed_login
                group-by:
                    - User
                timespan: 5m
                condition:
                    gte: 3
            """;

    private static Fixture fixture() {
        return Fixture.of(THREE_IN_FIVE_MINUTES, "failed_login");
    }

    @Test
    void matchesWhenTheCountReachesTheThresholdWithinTheTimespan() {
        Fixture f = fixture();
        List<CorrelationMatch> found = f.run(
                f.match("failed_login", 0, "User", "alice"),
                f.match("failed_login", 60, "User", "alice"),
                f.match("failed_login", 120, "User", "alice"));

        assertThat(found).hasSize(1);
        CorrelationMatch match = found.get(0);
        assertThat(match.rule().title()).isEqualTo("Many failed logins");
        assertThat(match.groupValues()).containsExactly(java.util.Map.entry("User", "alice"));
        assertThat(match.value()).isEqualTo(3);
        assertThat(match.first()).isEqualTo(at(0));
        assertThat(match.last()).isEqualTo(at(120));
        assertThat(match.triggeredAt()).isEqualTo(at(120));
        assertThat(match.matchCount()).isEqualTo(3);
        assertThat(match.matches()).extracting(m -> m.event().timestamp()).containsExactly(at(0), at(60), at(120));
    }

    @Test
    void doesNotMatchBelowTheThreshold() {
        Fixture f = fixture();
        assertThat(f.run(
                f.match("failed_login", 0, "User", "alice"),
                f.match("failed_login", 60, "User", "alice"))).isEmpty();
    }

    @Test
    void doesNotMatchWhenTheEventsAreSpreadWiderThanTheTimespan() {
        Fixture f = fixture();
        assertThat(f.run(
                f.match("failed_login", 0, "User", "alice"),
                f.match("failed_login", 200, "User", "alice"),
                f.match("failed_login", 301, "User", "alice"))).isEmpty();
    }

    @Test
    void eventsExactlyOneTimespanApartAreInTheSameWindow() {
        Fixture f = fixture();
        List<CorrelationMatch> found = f.run(
                f.match("failed_login", 0, "User", "alice"),
                f.match("failed_login", 150, "User", "alice"),
                f.match("failed_login", 300, "User", "alice"));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.first()).isEqualTo(at(0));
            assertThat(m.last()).isEqualTo(at(300));
        });
    }

    @Test
    void eventsOneSecondMoreThanATimespanApartAreNot() {
        Fixture f = fixture();
        assertThat(f.run(
                f.match("failed_login", 0, "User", "alice"),
                f.match("failed_login", 150, "User", "alice"),
                f.match("failed_login", 301, "User", "alice"))).isEmpty();
    }

    @Test
    void countsEachGroupSeparately() {
        Fixture f = fixture();
        List<CorrelationMatch> found = f.run(
                f.match("failed_login", 0, "User", "alice"),
                f.match("failed_login", 10, "User", "bob"),
                f.match("failed_login", 20, "User", "alice"),
                f.match("failed_login", 30, "User", "bob"),
                f.match("failed_login", 40, "User", "alice"));
        assertThat(found).singleElement()
                .satisfies(m -> assertThat(m.groupValues()).containsEntry("User", "alice"));
    }

    @Test
    void arrivalOrderDoesNotChangeTheResult() {
        Fixture inOrder = fixture();
        List<CorrelationMatch> expected = inOrder.run(
                inOrder.match("failed_login", 0, "User", "alice"),
                inOrder.match("failed_login", 100, "User", "alice"),
                inOrder.match("failed_login", 200, "User", "alice"),
                inOrder.match("failed_login", 900, "User", "alice"));

        Fixture shuffled = fixture();
        List<CorrelationMatch> actual = shuffled.run(
                shuffled.match("failed_login", 900, "User", "alice"),
                shuffled.match("failed_login", 200, "User", "alice"),
                shuffled.match("failed_login", 0, "User", "alice"),
                shuffled.match("failed_login", 100, "User", "alice"));

        assertThat(actual).hasSize(1);
        assertThat(actual.get(0).first()).isEqualTo(expected.get(0).first());
        assertThat(actual.get(0).last()).isEqualTo(expected.get(0).last());
        assertThat(actual.get(0).value()).isEqualTo(expected.get(0).value());
    }

    @Test
    void aSustainedBurstIsOneMatchThatSpansIt() {
        Fixture f = fixture();
        List<RuleMatch> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(f.match("failed_login", i * 30L, "User", "alice"));
        }
        List<CorrelationMatch> found = f.run(burst.toArray(RuleMatch[]::new));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.first()).isEqualTo(at(0));
            assertThat(m.last()).isEqualTo(at(19 * 30));
            assertThat(m.triggeredAt()).isEqualTo(at(60));
            assertThat(m.matchCount()).isEqualTo(20);
            assertThat(m.value()).isEqualTo(11); // a 5-minute window holds 11 events 30 s apart
        });
    }

    @Test
    void aPauseLongerThanTheTimespanSplitsTheMatches() {
        Fixture f = fixture();
        List<CorrelationMatch> found = f.run(
                f.match("failed_login", 0, "User", "alice"),
                f.match("failed_login", 1, "User", "alice"),
                f.match("failed_login", 2, "User", "alice"),
                f.match("failed_login", 3600, "User", "alice"),
                f.match("failed_login", 3601, "User", "alice"),
                f.match("failed_login", 3602, "User", "alice"));
        assertThat(found).extracting(CorrelationMatch::first).containsExactly(at(0), at(3600));
    }

    @Test
    void listsAtMostAHundredMatchesButCountsThemAll() {
        Fixture f = fixture();
        List<RuleMatch> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(f.match("failed_login", i, "User", "alice"));
        }
        Collections.shuffle(many, new java.util.Random(7));
        List<CorrelationMatch> found = f.run(many.toArray(RuleMatch[]::new));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.matchCount()).isEqualTo(250);
            assertThat(m.matches()).hasSize(CorrelationMatch.LISTED_AT_MOST);
            assertThat(m.matches().get(0).event().timestamp()).isEqualTo(at(0));
        });
    }

    @Test
    void eventsAtTheSameInstantAreCountedTogether() {
        Fixture f = fixture();
        List<CorrelationMatch> found = f.run(
                f.match("failed_login", 5, "User", "alice"),
                f.match("failed_login", 5, "User", "alice"),
                f.match("failed_login", 5, "User", "alice"));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo(3);
            assertThat(m.first()).isEqualTo(m.last());
        });
    }

    @Test
    void countsMatchesOfSeveralReferencedRulesTogether() {
        Fixture f = Fixture.of("""
                title: Noisy client
                correlation:
                    type: event_count
                    rules:
                        - probe_a
                        - probe_b
                    group-by:
                        - ip
                    timespan: 1m
                    condition:
                        gt: 2
                """, "probe_a", "probe_b");
        List<CorrelationMatch> found = f.run(
                f.match("probe_a", 0, "ip", "10.0.0.1"),
                f.match("probe_b", 10, "ip", "10.0.0.1"),
                f.match("probe_a", 20, "ip", "10.0.0.1"));
        assertThat(found).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(3));
    }
}
