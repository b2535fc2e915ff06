package org.exhunt.hunt.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.intel.FeedAssertions.one;
import static org.exhunt.hunt.intel.FeedAssertions.problems;
import static org.exhunt.hunt.intel.FeedAssertions.values;

import org.exhunt.hunt.ioc.IocType;
import org.junit.jupiter.api.Test;

class StixFeedReaderTest {

    static final String SHA = "a".repeat(64);
    static final String MD5 = "b".repeat(32);

    /** A bundle in the shape STIX 2.1 publishers use, with one indicator of each kind exhunt reads. */
    static String bundle() {
        return """
            {"type": "bundle", "id": "bundle--1",
             "objects": [
              {"type": "identity", "id": "identity--1", "name": "Test CERT"},
              {"type": "report", "id": "report--1", "name": "Exchange intrusions March 2021",
               "object_refs": ["indicator--1"]},
              {"type": "indicator", "id": "indicator--1", "spec_version": "2.1", "name": "Scanner VPS",
               "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.23']",
               "external_references": [{"source_name": "blog", "url": "https://example.org/post"}]},
              {"type": "indicator", "id": "indicator--2", "pattern_type": "stix",
               "pattern": "[file:hashes.'SHA-256' = '%s' OR file:hashes.MD5 = '%s']"},
              {"type": "indicator", "id": "indicator--3", "pattern_type": "stix",
               "pattern": "[domain-name:value = 'Update.Example.NET'] OR [url:value = 'http://203.0.113.9:8080/x.php']"},
              {"type": "indicator", "id": "indicator--4", "pattern_type": "stix",
               "pattern": "[file:name = 'errorEE.aspx']"},
              {"type": "indicator", "id": "indicator--5", "pattern_type": "stix",
               "pattern": "[ipv4-addr:value ISSUBSET '192.0.2.0/24']"},
              {"type": "indicator", "id": "indicator--6", "pattern_type": "stix",
               "pattern": "[file:name = 'a.aspx' AND file:size = 12]"},
              {"type": "indicator", "id": "indicator--7", "pattern_type": "yara", "pattern": "rule x { condition: true }"},
              {"type": "indicator", "id": "indicator--8", "pattern_type": "stix", "revoked": true,
               "pattern": "[ipv4-addr:value = '198.51.100.99']"},
              {"type": "indicator", "id": "indicator--9", "pattern_type": "stix",
               "pattern": "[ipv6-addr:value = '2001:DB8::0:1'] OR [x509-certificate:serial_number = '01']"}
             ]}
            """.formatted(SHA, MD5);
    }

    @Test
    void every_single_value_of_OR_ed_patterns_becomes_an_indicator_of_its_type() {
        Feed feed = one("campaign.json", bundle());

        assertThat(feed.format()).isEqualTo("STIX 2.1");
        assertThat(values(feed, IocType.IP)).containsExactlyInAnyOrder("198.51.100.23", "203.0.113.9", "2001:db8:0:0:0:0:0:1");
        assertThat(values(feed, IocType.SHA256)).containsExactly(SHA);
        assertThat(values(feed, IocType.MD5)).containsExactly(MD5);
        assertThat(values(feed, IocType.DOMAIN)).containsExactly("update.example.net");
        assertThat(values(feed, IocType.URI_PATH)).containsExactly("erroree.aspx");
        assertThat(values(feed, IocType.CIDR)).containsExactly("192.0.2.0/24");
    }

    @Test
    void the_feed_is_titled_after_its_report_and_entries_keep_the_indicator_name_and_reference() {
        Feed feed = one("campaign.json", bundle());

        assertThat(feed.title()).isEqualTo("Indicator from STIX 2.1 feed \"Exchange intrusions March 2021\"");
        assertThat(feed.name()).isEqualTo("campaign");
        FeedEntry vps = feed.entries().stream().filter(e -> e.value().equals("198.51.100.23")).findFirst().orElseThrow();
        assertThat(vps.description()).isEqualTo("Scanner VPS");
        assertThat(vps.reference()).isEqualTo("https://example.org/post");
    }

    @Test
    void patterns_exhunt_cannot_use_are_problems_that_name_the_object_and_the_reason() {
        String p = problems(one("campaign.json", bundle()));

        assertThat(p).contains("objects[7] indicator--6", "'AND'");
        assertThat(p).contains("1 value(s) skipped, the first at objects[8] indicator--7", "pattern_type 'yara'");
        assertThat(p).contains("objects[9] indicator--8", "revoked");
        assertThat(p).doesNotContain("indicator--2");
        assertThat(p).contains("x509-certificate:serial_number");
        assertThat(p).doesNotContain("198.51.100.99");
    }

    @Test
    void a_bundle_without_a_report_is_titled_after_its_file() {
        Feed feed = one("/feeds/vendor-ips.json", """
            {"type":"bundle","id":"bundle--2","objects":[
              {"type":"indicator","id":"indicator--a","pattern_type":"stix","pattern":"[ipv4-addr:value='198.51.100.1']"}]}
            """);

        assertThat(feed.title()).isEqualTo("Indicator from STIX 2.1 feed vendor-ips.json");
        assertThat(feed.problems()).isEmpty();
    }

    @Test
    void pattern_parser_reads_escaped_quotes_and_rejects_unclosed_strings_and_qualifiers() {
        StixPattern.Parsed ok = StixPattern.parse("[file:name = 'it\\'s.aspx']");
        assertThat(ok.error()).isNull();
        assertThat(ok.comparisons()).extracting(StixPattern.Comparison::value).containsExactly("it's.aspx");

        assertThat(StixPattern.parse("[file:name = 'open").error()).contains("never closed");
        assertThat(StixPattern.parse("[ipv4-addr:value = '198.51.100.1'] WITHIN 300 SECONDS").error()).contains("WITHIN");
        assertThat(StixPattern.parse("[ipv4-addr:value != '198.51.100.1']").error()).contains("operator");
        assertThat(StixPattern.parse("ipv4-addr:value = '198.51.100.1'").error()).contains("expected '['");
    }
}
