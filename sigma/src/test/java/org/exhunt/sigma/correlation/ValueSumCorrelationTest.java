package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.exhunt.sigma.CorrelationMatch;
import org.junit.jupiter.api.Test;

class ValueSumCorrelationTest {

    private static Fixture exfiltration() {
        return Fixture.of("""
                title: Large download
                correlation:
                    type: value_sum
                    rules:
                        - download
                    group-by:
                        - ip
                    timespan: 1h
                    condition:
                        field: sc-bytes
                        gt: 1000000
                """, "download");
    }

    @Test
    void matchesWhenTheSumExceedsTheThreshold() {
        Fixture f = exfiltration();
        List<CorrelationMatch> found = f.run(
                f.match("download", 0, "ip", "192.0.2.1", "sc-bytes", 600000L),
                f.match("download", 60, "ip", "192.0.2.1", "sc-bytes", "400001"));
        assertThat(found).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(1000001));
    }

    @Test
    void doesNotMatchAtTheThresholdItself() {
        Fixture f = exfiltration();
        assertThat(f.run(
                f.match("download", 0, "ip", "192.0.2.1", "sc-bytes", 600000L),
                f.match("download", 60, "ip", "192.0.2.1", "sc-bytes", 400000L))).isEmpty();
    }

    @Test
    void leavesOutValuesThatAreNotNumbersAndSaysSo() {
        Fixture f = exfiltration();
        List<CorrelationMatch> found = f.run(
                f.match("download", 0, "ip", "192.0.2.1", "sc-bytes", 2000000L),
                f.match("download", 60, "ip", "192.0.2.1", "sc-bytes", "lots"));
        assertThat(found).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(2000000));
        assertThat(f.correlator().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("sc-bytes").contains("not numbers"));
    }

    @Test
    void sumsFractionsExactly() {
        Fixture f = Fixture.of("""
                title: Exactly one
                correlation:
                    type: value_sum
                    rules:
                        - download
                    group-by:
                        - ip
                    timespan: 1h
                    condition:
                        field: share
                        eq: 1
                """, "download");
        // 0.1 + 0.2 + 0.7 is not 1 in binary floating point; sums here are exact.
        assertThat(f.run(
                f.match("download", 0, "ip", "192.0.2.1", "share", "0.1"),
                f.match("download", 1, "ip", "192.0.2.1", "share", "0.2"),
                f.match("download", 2, "ip", "192.0.2.1", "share", "0.7"))).hasSize(1);
    }
}
