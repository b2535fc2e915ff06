package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.correlation.Fixture.at;

import java.util.List;

import org.exhunt.sigma.CorrelationMatch;
import org.junit.jupiter.api.Test;

class TemporalCorrelationTest {

    private static final String RECON = """
            title: Recon
            correlation:
                type: temporal
                rules:
                    - recon_a
                    - recon_b
                    - recon_c
                group-by:
                    - Host
                timespan: 5m
            """;

    private static Fixture recon() {
        return Fixture.of(RECON, "recon_a", "recon_b", "recon_c");
    }

    @Test
    void matchesWhenEveryReferencedRuleOccursWithinTheTimespanInAnyOrder() {
        Fixture f = recon();
        List<CorrelationMatch> found = f.run(
                f.match("recon_c", 0, "Host", "ex01"),
                f.match("recon_a", 60, "Host", "ex01"),
                f.match("recon_b", 120, "Host", "ex01"));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo(3);
            assertThat(m.triggeredAt()).isEqualTo(at(120));
            assertThat(m.matches()).extracting(r -> r.rule().name()).containsExactly("recon_c", "recon_a", "recon_b");
        });
    }

    @Test
    void doesNotMatchWhenOneRuleIsMissing() {
        Fixture f = recon();
        assertThat(f.run(
                f.match("recon_a", 0, "Host", "ex01"),
                f.match("recon_a", 10, "Host", "ex01"),
                f.match("recon_b", 20, "Host", "ex01"))).isEmpty();
    }

    @Test
    void doesNotMatchWhenTheRulesOccurFurtherApartThanTheTimespan() {
        Fixture f = recon();
        assertThat(f.run(
                f.match("recon_a", 0, "Host", "ex01"),
                f.match("recon_b", 200, "Host", "ex01"),
                f.match("recon_c", 301, "Host", "ex01"))).isEmpty();
    }

    @Test
    void doesNotMatchAcrossGroups() {
        Fixture f = recon();
        assertThat(f.run(
                f.match("recon_a", 0, "Host", "ex01"),
                f.match("recon_b", 10, "Host", "ex02"),
                f.match("recon_c", 20, "Host", "ex01"))).isEmpty();
    }

    @Test
    void aConditionCanAskForFewerThanAllRules() {
        Fixture f = Fixture.of("""
                title: Two of three
                correlation:
                    type: temporal
                    rules:
                        - recon_a
                        - recon_b
                        - recon_c
                    group-by:
                        - Host
                    timespan: 5m
                    condition:
                        gte: 2
                """, "recon_a", "recon_b", "recon_c");
        List<CorrelationMatch> found = f.run(
                f.match("recon_b", 0, "Host", "ex01"),
                f.match("recon_b", 1, "Host", "ex01"),
                f.match("recon_c", 2, "Host", "ex01"));
        assertThat(found).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(2));
    }

    @Test
    void aRuleThatStaysInTheWindowKeepsTheMatchGoing() {
        Fixture f = recon();
        List<CorrelationMatch> found = f.run(
                f.match("recon_a", 0, "Host", "ex01"),
                f.match("recon_b", 10, "Host", "ex01"),
                f.match("recon_c", 20, "Host", "ex01"),
                f.match("recon_c", 250, "Host", "ex01"),
                f.match("recon_c", 400, "Host", "ex01"));
        // At 400 s, recon_a (0 s) has left the 5-minute window: the match ends at 250 s.
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.last()).isEqualTo(at(250));
            assertThat(m.matchCount()).isEqualTo(4);
        });
    }
}
