package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.correlation.Fixture.at;

import java.util.ArrayList;
import java.util.List;

import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.CorrelationRule;
import org.exhunt.sigma.RuleMatch;
import org.junit.jupiter.api.Test;

/** The specification's complete example: many failed logins followed by a successful one. */
class ChainingTest {

    private static final String SPEC_EXAMPLE = """
            title: Correlation - Multiple Failed Logins Followed by Successful Login
            id: b180ead8-d58f-40b2-ae54-c8940995b9b6
            status: experimental
            correlation:
                type: temporal_ordered
                rules:
                    - multiple_failed_login
                    - successful_login
                group-by:
                    - User
                timespan: 10m
            level: high
            ---
            title: Multiple failed logons
            id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
            name: multiple_failed_login
            correlation:
                type: event_count
                rules:
                    - failed_login
                group-by:
                    - User
                timespan: 10m
                condition:
                    gte: 10
            ---
            title: Single failed login
            id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
            name: failed_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 529
                        - 4625
                condition: selection
            ---
            title: Successful login
            id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
            name: successful_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 528
                        - 4624
                condition: selection
            """;

    private static List<RuleMatch> failures(Fixture f, String user, long from, int count) {
        List<RuleMatch> matches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            matches.add(f.match("failed_login", from + i * 10L, "User", user));
        }
        return matches;
    }

    @Test
    void anOuterCorrelationConsumesTheMatchesOfAnInnerOne() {
        Fixture f = Fixture.load(SPEC_EXAMPLE);
        List<RuleMatch> feed = failures(f, "alice", 0, 12);
        feed.add(f.match("successful_login", 200, "User", "alice"));

        List<CorrelationMatch> found = f.run(feed.toArray(RuleMatch[]::new));

        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.rule().title()).startsWith("Correlation - Multiple Failed");
            assertThat(m.rule().level()).isEqualTo("high");
            assertThat(m.groupValues()).containsEntry("User", "alice");
            assertThat(m.triggeredAt()).isEqualTo(at(200));
            assertThat(m.matchCount()).isEqualTo(1);
            assertThat(m.innerMatchCount()).isEqualTo(1);
            CorrelationMatch inner = m.innerMatches().get(0);
            assertThat(inner.rule().name()).isEqualTo("multiple_failed_login");
            assertThat(inner.triggeredAt()).isEqualTo(at(90));
            assertThat(inner.matchCount()).isEqualTo(12);
            assertThat(m.first()).isEqualTo(at(90));
            assertThat(m.allMatches()).hasSize(13);
            assertThat(m.allMatches().get(0).event().timestamp()).isEqualTo(at(0));
            assertThat(m.allMatches().get(12).rule().name()).isEqualTo("successful_login");
        });
    }

    @Test
    void theInnerCorrelationIsNotReportedOnItsOwn() {
        Fixture f = Fixture.load(SPEC_EXAMPLE);
        CorrelationRule inner = f.rules().correlations().stream()
                .filter(c -> "multiple_failed_login".equals(c.name())).findFirst().orElseThrow();
        assertThat(f.correlator().reportsOnItsOwn(inner)).isFalse();
        assertThat(f.run(failures(f, "alice", 0, 12).toArray(RuleMatch[]::new))).isEmpty();
    }

    @Test
    void aSuccessBeforeTheFailuresDoesNotMatch() {
        Fixture f = Fixture.load(SPEC_EXAMPLE);
        List<RuleMatch> feed = failures(f, "alice", 100, 12);
        feed.add(f.match("successful_login", 50, "User", "alice"));
        assertThat(f.run(feed.toArray(RuleMatch[]::new))).isEmpty();
    }

    @Test
    void tooFewFailuresDoNotMatch() {
        Fixture f = Fixture.load(SPEC_EXAMPLE);
        List<RuleMatch> feed = failures(f, "alice", 0, 9);
        feed.add(f.match("successful_login", 200, "User", "alice"));
        assertThat(f.run(feed.toArray(RuleMatch[]::new))).isEmpty();
    }

    @Test
    void theSuccessMustBeOfTheSameUser() {
        Fixture f = Fixture.load(SPEC_EXAMPLE);
        List<RuleMatch> feed = failures(f, "alice", 0, 12);
        feed.add(f.match("successful_login", 200, "User", "bob"));
        assertThat(f.run(feed.toArray(RuleMatch[]::new))).isEmpty();
    }

    @Test
    void aCorrelationThatRefersToItselfThroughAChainIsAProblem() {
        Fixture f = Fixture.of("""
                title: ping
                name: ping
                correlation:
                    type: event_count
                    rules: [pong]
                    timespan: 1m
                    condition: {gte: 1}
                ---
                title: pong
                name: pong
                correlation:
                    type: event_count
                    rules: [ping, a]
                    timespan: 1m
                    condition: {gte: 1}
                """, "a");
        assertThat(f.correlator().problems()).isNotEmpty()
                .anySatisfy(p -> assertThat(p.reason()).contains("must not loop", "'ping' -> 'pong' -> 'ping'"));
        assertThat(f.correlator().wants(f.rule("a"))).isFalse();
        assertThat(f.correlator().reportsOnItsOwn(f.rule("a"))).isTrue();
    }

    @Test
    void aCorrelationOnABrokenCorrelationCannotRunEither() {
        Fixture f = Fixture.of("""
                title: outer
                correlation:
                    type: event_count
                    rules: [inner]
                    timespan: 1m
                    condition: {gte: 1}
                ---
                title: inner
                name: inner
                correlation:
                    type: event_count
                    rules: [missing_rule]
                    timespan: 1m
                    condition: {gte: 1}
                """);
        assertThat(f.correlator().problems()).extracting(p -> p.reason()).containsExactlyInAnyOrder(
                "correlation.rules refers to 'missing_rule', but no loaded rule or correlation has that id or name",
                "refers to correlation 'inner' (test.yml:8), which cannot run");
    }
}
