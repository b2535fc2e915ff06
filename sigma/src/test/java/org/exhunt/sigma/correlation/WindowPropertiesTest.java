package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.RuleMatch;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The sliding window against a brute-force reading of the specification, on small random
 * inputs fed in random order: times are seconds, the timespan is 10 s.
 */
class WindowPropertiesTest {

    private static final int SPAN = 10;

    private static Fixture fixture(String type, String condition, String... rules) {
        return Fixture.of("""
                title: property
                correlation:
                    type: %s
                    rules: [%s]
                    group-by: [g]
                    timespan: %ds
                %s""".formatted(type, String.join(", ", rules), SPAN,
                condition == null ? "" : "    condition: " + condition + "\n"), rules);
    }

    private static List<CorrelationMatch> feedShuffled(Fixture f, List<RuleMatch> matches, long seed) {
        List<RuleMatch> shuffled = new ArrayList<>(matches);
        Collections.shuffle(shuffled, new Random(seed));
        return f.run(shuffled.toArray(RuleMatch[]::new));
    }

    @Property(tries = 300)
    void eventCountMatchesExactlyAtTheWindowEndsThatHoldEnoughEvents(
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 60) Integer> times,
            @ForAll @IntRange(min = 1, max = 4) int threshold, @ForAll long seed) {
        Fixture f = fixture("event_count", "{gte: " + threshold + "}", "a");
        List<RuleMatch> matches = new ArrayList<>();
        for (int t : times) {
            matches.add(f.match("a", t, "g", "x"));
        }
        List<CorrelationMatch> found = feedShuffled(f, matches, seed);

        for (int end : times) {
            long inWindow = times.stream().filter(t -> t >= end - SPAN && t <= end).count();
            boolean covered = found.stream().anyMatch(m -> !m.triggeredAt().isAfter(Fixture.at(end))
                    && !m.last().isBefore(Fixture.at(end)));
            assertThat(covered).as("window ending at %d holds %d events", end, inWindow)
                    .isEqualTo(inWindow >= threshold);
        }
        for (CorrelationMatch m : found) {
            assertThat(m.value()).isGreaterThanOrEqualTo(threshold);
            assertThat(m.matchCount()).isGreaterThanOrEqualTo(threshold);
        }
    }

    @Property(tries = 300)
    void temporalMatchesIffEveryRuleOccursWithinOneTimespan(
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 40) Integer> times,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 2) Integer> rules, @ForAll long seed) {
        String[] names = {"r0", "r1", "r2"};
        Fixture f = fixture("temporal", null, names);
        List<int[]> events = events(times, rules);
        List<RuleMatch> matches = new ArrayList<>();
        for (int[] e : events) {
            matches.add(f.match(names[e[1]], e[0], "g", "x"));
        }
        boolean expected = false;
        for (int[] a : events) {
            for (int[] b : events) {
                for (int[] c : events) {
                    if (a[1] == 0 && b[1] == 1 && c[1] == 2) {
                        int lo = Math.min(a[0], Math.min(b[0], c[0]));
                        int hi = Math.max(a[0], Math.max(b[0], c[0]));
                        expected |= hi - lo <= SPAN;
                    }
                }
            }
        }
        assertThat(feedShuffled(f, matches, seed).isEmpty()).isEqualTo(!expected);
    }

    @Property(tries = 300)
    void temporalOrderedMatchesIffTheRulesOccurInOrderWithinOneTimespan(
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 40) Integer> times,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 2) Integer> rules, @ForAll long seed) {
        String[] names = {"r0", "r1", "r2"};
        Fixture f = fixture("temporal_ordered", null, names);
        List<int[]> events = events(times, rules);
        List<RuleMatch> matches = new ArrayList<>();
        for (int[] e : events) {
            matches.add(f.match(names[e[1]], e[0], "g", "x"));
        }
        boolean expected = false;
        for (int[] a : events) {
            for (int[] b : events) {
                for (int[] c : events) {
                    if (a[1] == 0 && b[1] == 1 && c[1] == 2 && a[0] <= b[0] && b[0] <= c[0]) {
                        expected |= c[0] - a[0] <= SPAN;
                    }
                }
            }
        }
        assertThat(feedShuffled(f, matches, seed).isEmpty()).isEqualTo(!expected);
    }

    @Property(tries = 300)
    void valueCountMatchesIffAWindowHoldsEnoughDistinctValues(
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 40) Integer> times,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 3) Integer> values, @ForAll long seed) {
        Fixture f = fixture("value_count", "{field: v, gte: 3}", "a");
        List<int[]> events = events(times, values);
        List<RuleMatch> matches = new ArrayList<>();
        for (int[] e : events) {
            matches.add(f.match("a", e[0], "g", "x", "v", "value" + e[1]));
        }
        boolean expected = false;
        for (int[] end : events) {
            long distinct = events.stream().filter(e -> e[0] >= end[0] - SPAN && e[0] <= end[0])
                    .map(e -> e[1]).distinct().count();
            expected |= distinct >= 3;
        }
        assertThat(feedShuffled(f, matches, seed).isEmpty()).isEqualTo(!expected);
    }

    @Property(tries = 100)
    void feedingFromSeveralThreadsGivesTheSameMatchesAsFromOne(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 200) Integer> times,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 2) Integer> groups) throws Exception {
        Fixture single = fixture("event_count", "{gte: 3}", "a");
        Fixture parallel = fixture("event_count", "{gte: 3}", "a");
        List<int[]> events = events(times, groups);
        List<RuleMatch> forSingle = new ArrayList<>();
        List<RuleMatch> forParallel = new ArrayList<>();
        for (int[] e : events) {
            forSingle.add(single.match("a", e[0], "g", "g" + e[1]));
            forParallel.add(parallel.match("a", e[0], "g", "g" + e[1]));
        }
        List<CorrelationMatch> expected = single.run(forSingle.toArray(RuleMatch[]::new));

        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                for (int i = offset; i < forParallel.size(); i += 4) {
                    parallel.correlator().accept(forParallel.get(i));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<CorrelationMatch> actual = parallel.correlator().finish();
        assertThat(summary(actual)).isEqualTo(summary(expected));
    }

    private static List<String> summary(List<CorrelationMatch> found) {
        return found.stream().map(m -> m.groupValues() + " " + m.first() + " " + m.last() + " " + m.triggeredAt()
                + " " + m.valueText() + " " + m.matchCount()).toList();
    }

    /** Pairs times with a second attribute (rule index, value, group), as far as both lists go. */
    private static List<int[]> events(List<Integer> times, List<Integer> other) {
        List<int[]> events = new ArrayList<>();
        for (int i = 0; i < Math.min(times.size(), other.size()); i++) {
            events.add(new int[] {times.get(i), other.get(i)});
        }
        return events;
    }

    static Instant at(int seconds) {
        return Fixture.at(seconds);
    }
}
