package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.exhunt.sigma.CorrelationMatch;
import org.junit.jupiter.api.Test;

/** The specification's alias example: one address is the destination in one event and the source in the other. */
class AliasesTest {

    private static final String INTERNAL_ERROR_THEN_CONNECTION = """
            title: Internal error then connection back
            correlation:
                type: temporal
                rules:
                    - internal_error
                    - new_network_connection
                group-by:
                    - internal_ip
                    - remote_ip
                timespan: 10s
                aliases:
                    internal_ip:
                        internal_error: destination.ip
                        new_network_connection: source.ip
                    remote_ip:
                        internal_error: source.ip
                        new_network_connection: destination.ip
            """;

    @Test
    void groupsByTheFieldEachRuleNamesForTheAlias() {
        Fixture f = Fixture.of(INTERNAL_ERROR_THEN_CONNECTION, "internal_error", "new_network_connection");
        List<CorrelationMatch> found = f.run(
                f.match("internal_error", 0, "source.ip", "198.51.100.9", "destination.ip", "10.0.0.5"),
                f.match("new_network_connection", 5, "source.ip", "10.0.0.5", "destination.ip", "198.51.100.9"));
        assertThat(found).singleElement().satisfies(m -> assertThat(m.groupValues())
                .containsEntry("internal_ip", "10.0.0.5").containsEntry("remote_ip", "198.51.100.9"));
    }

    @Test
    void theSameFieldNamesInBothEventsDoNotCorrelate() {
        Fixture f = Fixture.of(INTERNAL_ERROR_THEN_CONNECTION, "internal_error", "new_network_connection");
        assertThat(f.run(
                f.match("internal_error", 0, "source.ip", "198.51.100.9", "destination.ip", "10.0.0.5"),
                f.match("new_network_connection", 5, "source.ip", "198.51.100.9", "destination.ip", "10.0.0.5")))
                .isEmpty();
    }

    @Test
    void aliasesMayNameARuleThatIsReferencedById() {
        Fixture f = Fixture.of(INTERNAL_ERROR_THEN_CONNECTION.replace("- internal_error", "- id-internal_error"),
                "internal_error", "new_network_connection");
        assertThat(f.correlator().problems()).isEmpty();
        assertThat(f.run(
                f.match("internal_error", 0, "source.ip", "198.51.100.9", "destination.ip", "10.0.0.5"),
                f.match("new_network_connection", 5, "source.ip", "10.0.0.5", "destination.ip", "198.51.100.9")))
                .hasSize(1);
    }

    @Test
    void aRuleWithoutAnAliasEntryIsReadByTheAliasNameItself() {
        Fixture f = Fixture.of("""
                title: Same user
                correlation:
                    type: temporal
                    rules:
                        - a
                        - b
                    group-by:
                        - user
                    timespan: 1m
                    aliases:
                        user:
                            a: SubjectUserName
                """, "a", "b");
        assertThat(f.run(
                f.match("a", 0, "SubjectUserName", "alice"),
                f.match("b", 1, "user", "alice"))).hasSize(1);
    }

    @Test
    void aliasesApplyToTheConditionFieldToo() {
        Fixture f = Fixture.of("""
                title: Distinct targets
                correlation:
                    type: value_count
                    rules:
                        - a
                        - b
                    group-by:
                        - ip
                    timespan: 1m
                    condition:
                        field: target
                        gte: 2
                    aliases:
                        target:
                            a: TargetUserName
                            b: cs-username
                """, "a", "b");
        assertThat(f.run(
                f.match("a", 0, "ip", "192.0.2.1", "TargetUserName", "alice"),
                f.match("b", 1, "ip", "192.0.2.1", "cs-username", "bob"))).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo(2));
    }

    @Test
    void anAliasNamingARuleTheCorrelationDoesNotReferenceIsAProblem() {
        Fixture f = Fixture.of("""
                title: Wrong alias
                correlation:
                    type: temporal
                    rules:
                        - a
                        - b
                    group-by:
                        - user
                    timespan: 1m
                    aliases:
                        user:
                            c: SubjectUserName
                """, "a", "b", "c");
        assertThat(f.correlator().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("aliases.user names 'c'", "not among the rules"));
        assertThat(f.correlator().wants(f.rule("a"))).isFalse();
    }
}
