package org.exhunt.hunt.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.exhunt.hunt.ioc.IocProblem;
import org.exhunt.hunt.ioc.IocType;

/** Small helpers the feed tests share. */
final class FeedAssertions {

    private FeedAssertions() {
    }

    /** Reads text as a feed named {@code source} and expects exactly one feed. */
    static Feed one(String source, String text) {
        List<Feed> feeds = IndicatorFeeds.read(source, text.getBytes(StandardCharsets.UTF_8));
        assertThat(feeds).as("feeds read from " + source).hasSize(1);
        return feeds.get(0);
    }

    static Set<String> values(Feed feed, IocType type) {
        return feed.entries().stream().filter(e -> e.type() == type).map(FeedEntry::value).collect(Collectors.toSet());
    }

    static String problems(Feed feed) {
        return feed.problems().stream().map(IocProblem::toString).collect(Collectors.joining("\n"));
    }
}
