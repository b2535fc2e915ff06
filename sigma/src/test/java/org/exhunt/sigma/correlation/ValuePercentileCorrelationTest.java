package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.RuleMatch;
import org.junit.jupiter.api.Test;

class ValuePercentileCorrelationTest {

    private static Fixture percentile(String condition) {
        return Fixture.of("""
                title: Large responses
                correlation:
                    type: value_percentile
                    rules:
                        - request
                    group-by:
                        - ip
                    timespan: 1d
                    condition:
                %s
                """.formatted(condition.indent(8).stripTrailing()), "request");
    }

    private static RuleMatch[] requests(Fixture f, long... sizes) {
        List<RuleMatch> matches = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            matches.add(f.match("request", i, "ip", "192.0.2.1", "sc-bytes", sizes[i]));
        }
        return matches.toArray(RuleMatch[]::new);
    }

    private static double lastValue(List<CorrelationMatch> found) {
        assertThat(found).isNotEmpty();
        return found.get(found.size() - 1).value();
    }

    @Test
    void computesTheMedianWhenNoPercentileIsGiven() {
        Fixture f = percentile("field: sc-bytes\ngte: 0");
        List<CorrelationMatch> found = f.run(requests(f, 50, 10, 40, 20, 30));
        // one window holds all five: the 50th percentile of 10..50 is 30
        assertThat(found).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(30));
    }

    @Test
    void computesTheNamedPercentileByNearestRank() {
        Fixture f = percentile("field: sc-bytes\npercentile: 90\ngte: 0");
        long[] sizes = new long[20];
        for (int i = 0; i < 20; i++) {
            sizes[i] = (i + 1) * 10L;
        }
        // rank ceil(0.9 * 20) = 18 -> 180
        assertThat(lastValue(f.run(requests(f, sizes)))).isEqualTo(180);
    }

    @Test
    void matchesOnlyWhenThePercentileSatisfiesTheCondition() {
        Fixture f = percentile("field: sc-bytes\npercentile: 50\ngt: 1000");
        assertThat(f.run(requests(f, 10, 5000, 20))).isEmpty();

        Fixture g = percentile("field: sc-bytes\npercentile: 50\ngt: 1000");
        assertThat(g.run(requests(g, 2000, 5000, 20))).isNotEmpty();
    }

    @Test
    void percentileZeroIsTheMinimumAndHundredTheMaximum() {
        Fixture low = percentile("field: sc-bytes\npercentile: 0\ngte: 0");
        assertThat(lastValue(low.run(requests(low, 7, 3, 9)))).isEqualTo(3);
        Fixture high = percentile("field: sc-bytes\npercentile: 100\ngte: 0");
        assertThat(lastValue(high.run(requests(high, 7, 3, 9)))).isEqualTo(9);
    }
}
