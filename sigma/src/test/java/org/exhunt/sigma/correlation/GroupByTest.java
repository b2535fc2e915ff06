package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.exhunt.sigma.CorrelationMatch;
import org.junit.jupiter.api.Test;

class GroupByTest {

    private static Fixture byUserAndHost() {
        return Fixture.of("""
                title: Per user and host
                correlation:
                    type: event_count
                    rules:
                        - logon
                    group-by:
                        - User
                        - Host
                    timespan: 1h
                    condition:
                        gte: 2
                """, "logon");
    }

    @Test
    void allGroupByFieldsMustAgree() {
        Fixture f = byUserAndHost();
        List<CorrelationMatch> found = f.run(
                f.match("logon", 0, "User", "alice", "Host", "ex01"),
                f.match("logon", 1, "User", "alice", "Host", "ex02"),
                f.match("logon", 2, "User", "bob", "Host", "ex01"),
                f.match("logon", 3, "User", "alice", "Host", "ex01"));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.groupValues()).containsExactly(Map.entry("User", "alice"), Map.entry("Host", "ex01"));
            assertThat(m.matchCount()).isEqualTo(2);
        });
    }

    @Test
    void fieldNamesAreLookedUpAsTheEventDoes() {
        Fixture f = byUserAndHost();
        assertThat(f.run(
                f.match("logon", 0, "user", "alice", "HOST", "ex01"),
                f.match("logon", 1, "User", "alice", "Host", "ex01"))).hasSize(1);
    }

    @Test
    void matchesWithoutAGroupByValueAreLeftOutAndCounted() {
        Fixture f = byUserAndHost();
        assertThat(f.run(
                f.match("logon", 0, "User", "alice"),
                f.match("logon", 1, "User", "alice"),
                f.match("logon", 2, "User", "alice", "Host", "ex01"))).isEmpty();
        assertThat(f.correlator().problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("test.yml");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).startsWith("2 match(es) lacked a value for a group-by field (User, Host)");
        });
    }

    @Test
    void withoutGroupByAllMatchesFormOneGroup() {
        Fixture f = Fixture.of("""
                title: Anything twice
                correlation:
                    type: event_count
                    rules:
                        - logon
                    timespan: 1h
                    condition:
                        gte: 2
                """, "logon");
        List<CorrelationMatch> found = f.run(
                f.match("logon", 0, "User", "alice"),
                f.match("logon", 1, "User", "bob"));
        assertThat(found).singleElement().satisfies(m -> assertThat(m.groupValues()).isEmpty());
    }

    @Test
    void manyGroupsAreEvaluatedIndependentlyAndReportedInTimeOrder() {
        Fixture f = byUserAndHost();
        List<org.exhunt.sigma.RuleMatch> matches = new java.util.ArrayList<>();
        for (int user = 0; user < 50; user++) {
            matches.add(f.match("logon", 1000 - user, "User", "u" + user, "Host", "ex01"));
            matches.add(f.match("logon", 1000 - user + 60, "User", "u" + user, "Host", "ex01"));
        }
        List<CorrelationMatch> found = f.run(matches.toArray(org.exhunt.sigma.RuleMatch[]::new));
        assertThat(found).hasSize(50);
        assertThat(found).extracting(CorrelationMatch::first).isSorted();
        assertThat(found.get(0).groupValues()).containsEntry("User", "u49");
    }
}
