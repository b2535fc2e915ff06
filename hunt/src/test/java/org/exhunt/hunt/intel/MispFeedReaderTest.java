package org.exhunt.hunt.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.intel.FeedAssertions.one;
import static org.exhunt.hunt.intel.FeedAssertions.problems;
import static org.exhunt.hunt.intel.FeedAssertions.values;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.exhunt.hunt.ioc.IocType;
import org.junit.jupiter.api.Test;

class MispFeedReaderTest {

    static final String SHA = "c".repeat(64);

    static String event(String info, String firstAddress) {
        return """
            {"Event": {"info": "%s", "Tag": [{"name": "tlp:white"}, {"name": "cve.2021-26855"}],
              "Attribute": [
                {"type": "ip-dst|port", "value": "%s|443", "to_ids": true, "comment": "C2"},
                {"type": "ip-src", "value": "198.51.100.8", "to_ids": false, "comment": "victim's proxy"},
                {"type": "domain", "value": "mail.example.org", "to_ids": "1"},
                {"type": "url", "value": "https://files.example.com/drop/a.zip", "to_ids": true},
                {"type": "user-agent", "value": "ExchangeServicesClient/0.0.0.0", "to_ids": true},
                {"type": "md5", "value": "%s", "to_ids": true},
                {"type": "regkey", "value": "HKLM\\\\Software\\\\x", "to_ids": true},
                {"type": "ip-dst", "value": "198.51.100.77", "to_ids": true, "deleted": true}
              ],
              "Object": [{"name": "file", "Attribute": [
                {"type": "filename|sha256", "value": "supp0rt.aspx|%s", "to_ids": true, "comment": "web shell"}
              ]}]}}
            """.formatted(info, firstAddress, "d".repeat(32), SHA);
    }

    @Test
    void attributes_of_the_event_and_its_objects_become_indicators_and_compound_types_are_split() {
        Feed feed = one("event.json", event("HAFNIUM shells", "203.0.113.50"));

        assertThat(feed.format()).isEqualTo("MISP");
        assertThat(values(feed, IocType.IP)).containsExactlyInAnyOrder("203.0.113.50");
        assertThat(values(feed, IocType.DOMAIN)).containsExactlyInAnyOrder("mail.example.org", "files.example.com");
        assertThat(values(feed, IocType.USER_AGENT)).containsExactly("ExchangeServicesClient/0.0.0.0");
        assertThat(values(feed, IocType.URI_PATH)).containsExactly("supp0rt.aspx");
        assertThat(values(feed, IocType.SHA256)).containsExactly(SHA);
        assertThat(values(feed, IocType.MD5)).containsExactly("d".repeat(32));
    }

    @Test
    void the_event_info_titles_the_feed_and_sigma_style_tags_are_kept() {
        Feed feed = one("event.json", event("HAFNIUM shells", "203.0.113.50"));

        assertThat(feed.title()).isEqualTo("Indicator from MISP feed \"HAFNIUM shells\"");
        assertThat(feed.tags()).containsExactly("cve.2021-26855");
        assertThat(feed.iocSet().lists()).singleElement()
                .satisfies(l -> assertThat(l.title()).isEqualTo(feed.title()));
    }

    @Test
    void context_attributes_and_unused_types_are_counted_and_deleted_ones_are_not_used() {
        Feed feed = one("event.json", event("HAFNIUM shells", "203.0.113.50"));
        String p = problems(feed);

        assertThat(p).contains("1 value(s) skipped, the first at Event.Attribute[1]: attributes with to_ids false");
        assertThat(p).doesNotContain("Event.Attribute[5]");
        assertThat(p).contains("Event.Attribute[6]", "MISP attribute type 'regkey'");
        assertThat(values(feed, IocType.IP)).doesNotContain("198.51.100.8", "198.51.100.77");
    }

    @Test
    void a_rest_search_answer_gives_one_feed_per_event() {
        String answer = "{\"response\": [" + event("first", "203.0.113.1") + "," + event("second", "203.0.113.2") + "]}";

        List<Feed> feeds = IndicatorFeeds.read("search.json", answer.getBytes(StandardCharsets.UTF_8));

        assertThat(feeds).extracting(Feed::title)
                .containsExactly("Indicator from MISP feed \"first\"", "Indicator from MISP feed \"second\"");
        assertThat(feeds).extracting(Feed::name).containsExactly("search-1", "search-2");
        assertThat(values(feeds.get(1), IocType.IP)).containsExactly("203.0.113.2");
    }

    @Test
    void an_attribute_list_of_the_wrong_type_is_a_problem_naming_where_it_is() {
        Feed feed = one("bad.json", "{\"Event\": {\"info\": \"x\", \"Attribute\": \"203.0.113.1\"}}");

        assertThat(feed.entries()).isEmpty();
        assertThat(problems(feed)).contains("Event.Attribute is string, expected an array of attributes");
    }
}
