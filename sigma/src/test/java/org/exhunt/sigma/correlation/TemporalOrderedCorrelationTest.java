package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.correlation.Fixture.at;

import java.util.List;

import org.exhunt.sigma.CorrelationMatch;
import org.junit.jupiter.api.Test;

class TemporalOrderedCorrelationTest {

    private static Fixture attackChain() {
        return Fixture.of("""
                title: SSRF then web shell then command
                correlation:
                    type: temporal_ordered
                    rules:
                        - ssrf
                        - shell_write
                        - shell_command
                    group-by:
                        - ip
                    timespan: 10m
                """, "ssrf", "shell_write", "shell_command");
    }

    @Test
    void matchesWhenTheRulesOccurInTheListedOrder() {
        Fixture f = attackChain();
        List<CorrelationMatch> found = f.run(
                f.match("ssrf", 0, "ip", "198.51.100.7"),
                f.match("shell_write", 60, "ip", "198.51.100.7"),
                f.match("shell_command", 120, "ip", "198.51.100.7"));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo(3);
            assertThat(m.triggeredAt()).isEqualTo(at(120));
        });
    }

    @Test
    void doesNotMatchWhenTheOrderIsDifferent() {
        Fixture f = attackChain();
        assertThat(f.run(
                f.match("shell_write", 0, "ip", "198.51.100.7"),
                f.match("ssrf", 60, "ip", "198.51.100.7"),
                f.match("shell_command", 120, "ip", "198.51.100.7"))).isEmpty();
    }

    @Test
    void findsTheOrderAmongInterleavedMatches() {
        Fixture f = attackChain();
        List<CorrelationMatch> found = f.run(
                f.match("shell_command", 0, "ip", "198.51.100.7"),
                f.match("shell_write", 10, "ip", "198.51.100.7"),
                f.match("ssrf", 20, "ip", "198.51.100.7"),
                f.match("shell_command", 30, "ip", "198.51.100.7"),
                f.match("shell_write", 40, "ip", "198.51.100.7"),
                f.match("ssrf", 50, "ip", "198.51.100.7"),
                f.match("shell_command", 60, "ip", "198.51.100.7"));
        assertThat(found).singleElement().satisfies(m -> assertThat(m.triggeredAt()).isEqualTo(at(60)));
    }

    @Test
    void matchesAtTheSameInstantCountAsInOrder() {
        Fixture f = attackChain();
        assertThat(f.run(
                f.match("shell_command", 5, "ip", "198.51.100.7"),
                f.match("shell_write", 5, "ip", "198.51.100.7"),
                f.match("ssrf", 5, "ip", "198.51.100.7"))).hasSize(1);
    }

    @Test
    void theWholeSequenceMustFitInTheTimespan() {
        Fixture f = attackChain();
        assertThat(f.run(
                f.match("ssrf", 0, "ip", "198.51.100.7"),
                f.match("shell_write", 300, "ip", "198.51.100.7"),
                f.match("shell_command", 601, "ip", "198.51.100.7"))).isEmpty();
    }

    @Test
    void aLaterStartInsideTheWindowCompletesTheSequence() {
        Fixture f = attackChain();
        List<CorrelationMatch> found = f.run(
                f.match("ssrf", 0, "ip", "198.51.100.7"),
                f.match("ssrf", 500, "ip", "198.51.100.7"),
                f.match("shell_write", 550, "ip", "198.51.100.7"),
                f.match("shell_command", 700, "ip", "198.51.100.7"));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.triggeredAt()).isEqualTo(at(700));
            assertThat(m.first()).isEqualTo(at(500));
        });
    }

    @Test
    void aConditionCountsTheStepsDoneInOrderFromTheFirst() {
        Fixture f = Fixture.of("""
                title: First two steps
                correlation:
                    type: temporal_ordered
                    rules:
                        - ssrf
                        - shell_write
                        - shell_command
                    group-by:
                        - ip
                    timespan: 10m
                    condition:
                        gte: 2
                """, "ssrf", "shell_write", "shell_command");
        assertThat(f.run(
                f.match("shell_write", 0, "ip", "198.51.100.7"),
                f.match("shell_command", 10, "ip", "198.51.100.7"))).isEmpty();

        Fixture g = Fixture.of("""
                title: First two steps
                correlation:
                    type: temporal_ordered
                    rules:
                        - ssrf
                        - shell_write
                        - shell_command
                    group-by:
                        - ip
                    timespan: 10m
                    condition:
                        gte: 2
                """, "ssrf", "shell_write", "shell_command");
        assertThat(g.run(
                g.match("ssrf", 0, "ip", "198.51.100.7"),
                g.match("shell_write", 10, "ip", "198.51.100.7"))).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo(2));
    }
}
