package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.exhunt.sigma.CorrelationMatch;
import org.junit.jupiter.api.Test;

class ValueCountCorrelationTest {

    private static Fixture sprayFixture() {
        return Fixture.of("""
                title: Password spray
                correlation:
                    type: value_count
                    rules:
                        - failed_login
                    group-by:
                        - ip
                    timespan: 10m
                    condition:
                        field: User
                        gte: 3
                """, "failed_login");
    }

    @Test
    void countsDistinctValuesOfTheConditionField() {
        Fixture f = sprayFixture();
        List<CorrelationMatch> found = f.run(
                f.match("failed_login", 0, "ip", "203.0.113.5", "User", "alice"),
                f.match("failed_login", 10, "ip", "203.0.113.5", "User", "bob"),
                f.match("failed_login", 20, "ip", "203.0.113.5", "User", "carol"));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo(3);
            assertThat(m.groupValues()).containsEntry("ip", "203.0.113.5");
        });
    }

    @Test
    void repeatedValuesCountOnce() {
        Fixture f = sprayFixture();
        assertThat(f.run(
                f.match("failed_login", 0, "ip", "203.0.113.5", "User", "alice"),
                f.match("failed_login", 10, "ip", "203.0.113.5", "User", "alice"),
                f.match("failed_login", 20, "ip", "203.0.113.5", "User", "bob"),
                f.match("failed_login", 30, "ip", "203.0.113.5", "User", "bob"))).isEmpty();
    }

    @Test
    void matchesWithoutTheFieldAreNotAValue() {
        Fixture f = sprayFixture();
        assertThat(f.run(
                f.match("failed_login", 0, "ip", "203.0.113.5", "User", "alice"),
                f.match("failed_login", 10, "ip", "203.0.113.5"),
                f.match("failed_login", 20, "ip", "203.0.113.5", "User", ""),
                f.match("failed_login", 30, "ip", "203.0.113.5", "User", "bob"))).isEmpty();
    }

    @Test
    void valuesThatLeftTheWindowNoLongerCount() {
        Fixture f = sprayFixture();
        assertThat(f.run(
                f.match("failed_login", 0, "ip", "203.0.113.5", "User", "alice"),
                f.match("failed_login", 601, "ip", "203.0.113.5", "User", "bob"),
                f.match("failed_login", 602, "ip", "203.0.113.5", "User", "carol"))).isEmpty();
    }

    @Test
    void severalFieldsCountDistinctCombinations() {
        Fixture f = Fixture.of("""
                title: Many user and host pairs
                correlation:
                    type: value_count
                    rules:
                        - logon
                    group-by:
                        - ip
                    timespan: 1h
                    condition:
                        field:
                            - User
                            - Host
                        eq: 3
                """, "logon");
        List<CorrelationMatch> found = f.run(
                f.match("logon", 0, "ip", "10.1.1.1", "User", "alice", "Host", "a"),
                f.match("logon", 1, "ip", "10.1.1.1", "User", "alice", "Host", "b"),
                f.match("logon", 2, "ip", "10.1.1.1", "User", "bob", "Host", "a"),
                f.match("logon", 3, "ip", "10.1.1.1", "User", "bob", "Host", "a"));
        assertThat(found).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(3));
    }

    @Test
    void numbersAndTheirTextAreTheSameValue() {
        Fixture f = sprayFixture();
        assertThat(f.run(
                f.match("failed_login", 0, "ip", "203.0.113.5", "User", 42L),
                f.match("failed_login", 10, "ip", "203.0.113.5", "User", "42"),
                f.match("failed_login", 20, "ip", "203.0.113.5", "User", "bob"))).isEmpty();
    }
}
