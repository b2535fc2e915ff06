package org.exhunt.hunt.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.exhunt.hunt.ioc.IocProblem;

/**
 * Fuzz target: feeds come from anywhere, so any bytes must give feeds and problems without an
 * exception, and whatever was read must survive the trip through exhunt's own list format.
 * Runs its seeds as a regression test; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class IndicatorFeedsFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void any_bytes_read_as_feeds_and_round_trip_through_the_list_format(byte[] data) {
        List<Feed> feeds = IndicatorFeeds.read("fuzz.feed", data);

        assertThat(feeds).isNotEmpty();
        for (Feed feed : feeds) {
            for (IocProblem p : feed.problems()) assertThat(p.line()).isNotNegative();
            assertThat(feed.iocSet().problems()).isEmpty();
            assertThat(feed.iocSet().size()).isEqualTo(feed.entries().size());
            feed.iocSet().matcher();
        }
    }
}
