package org.exhunt.hunt.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.intel.FeedAssertions.one;
import static org.exhunt.hunt.intel.FeedAssertions.problems;
import static org.exhunt.hunt.intel.FeedAssertions.values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exhunt.hunt.ioc.IocType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken, odd and hostile feeds: each gives a problem a user can act on, never an exception. */
class MalformedFeedsTest {

    static final String VOLEXITY_STYLE = "value,type,notes\n198.51.100.1,ipaddress,\"seen, twice\"\n";

    @Test
    void truncated_json_is_a_problem_with_the_line_where_it_ends() {
        String text = "{\"type\": \"bundle\",\n \"objects\": [\n {\"type\": \"indicator\", \"pattern\": \"[ipv4";

        Feed feed = one("cut.json", text);

        assertThat(feed.entries()).isEmpty();
        assertThat(feed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("not valid JSON", "line 3", "expected a STIX 2.1 bundle or a MISP event");
        });
    }

    @Test
    void json_that_is_neither_stix_nor_misp_says_what_was_expected() {
        assertThat(problems(one("other.json", "{\"name\": \"x\"}"))).contains("neither a STIX 2.1 bundle", "nor a MISP event");
    }

    @Test
    void stix_objects_of_the_wrong_type_are_problems_and_the_good_ones_are_kept() {
        Feed feed = one("mixed.json", """
            {"type":"bundle","objects":[42,
              {"type":"indicator","id":"indicator--x","pattern":17},
              {"type":"indicator","id":"indicator--y","pattern_type":"stix","pattern":"[ipv4-addr:value = '198.51.100.4']"}]}
            """);

        assertThat(values(feed, IocType.IP)).containsExactly("198.51.100.4");
        assertThat(problems(feed)).contains("objects[0] is number, expected a STIX object",
                "objects[1] indicator--x: 'pattern' is number");
        assertThat(problems(one("nolist.json", "{\"type\":\"bundle\",\"objects\":5}"))).contains("expected an array of STIX objects");
    }

    @Test
    void csv_with_a_utf8_byte_order_mark_and_crlf_line_ends_reads_like_plain_utf8() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = VOLEXITY_STYLE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

        Feed feed = IndicatorFeeds.read("bom.csv", concat(bom, body)).get(0);

        assertThat(feed.problems()).isEmpty();
        assertThat(feed.entries()).singleElement().satisfies(e -> {
            assertThat(e.value()).isEqualTo("198.51.100.1");
            assertThat(e.description()).isEqualTo("seen, twice");
            assertThat(e.line()).isEqualTo(2);
        });
    }

    @Test
    void utf16_feeds_with_or_without_a_byte_order_mark_are_decoded() {
        byte[] le = VOLEXITY_STYLE.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, le);

        assertThat(values(IndicatorFeeds.read("a.csv", withBom).get(0), IocType.IP)).containsExactly("198.51.100.1");
        assertThat(values(IndicatorFeeds.read("b.csv", le).get(0), IocType.IP)).containsExactly("198.51.100.1");
        assertThat(values(IndicatorFeeds.read("c.csv", VOLEXITY_STYLE.getBytes(StandardCharsets.UTF_16)).get(0), IocType.IP))
                .containsExactly("198.51.100.1");
    }

    @Test
    void binary_content_is_not_a_feed() {
        Feed feed = IndicatorFeeds.read("blob.bin", new byte[] {'M', 'Z', 0, 0, 0, 1, 2}).get(0);

        assertThat(feed.entries()).isEmpty();
        assertThat(problems(feed)).contains("blob.bin:0: not a text file");
    }

    @Test
    void an_unclosed_quote_in_csv_names_the_line_it_opened_on() {
        Feed feed = one("open.csv", "value,type,notes\n198.51.100.1,ip,ok\n198.51.100.2,ip,\"never closed\n198.51.100.3,ip,x\n");

        assertThat(values(feed, IocType.IP)).contains("198.51.100.1");
        assertThat(feed.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("never closed");
        });
    }

    @Test
    void csv_rows_with_unknown_types_or_bad_values_are_problems_with_their_line() {
        Feed feed = one("typed.csv", "Indicator,IndicatorType\n198.51.100.300,ip\nevil.example.com,mutex\nok.example.com,domain\n");

        assertThat(values(feed, IocType.DOMAIN)).containsExactly("ok.example.com");
        assertThat(feed.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("198.51.100.300", "not an IPv4 or IPv6 address");
        });
        assertThat(problems(feed)).contains("indicator type 'mutex' is not one exhunt uses");
    }

    @Test
    void plain_lists_undo_defanging_and_keep_group_comments_as_descriptions() {
        Feed feed = one("list.txt", "# Scanning hosts\n198.51.100[.]7\nhxxp://bad[.]example[.]com/a\n\n# Shells\nC:\\inetpub\\wwwroot\\aspnet_client\\x1.aspx\n");

        assertThat(values(feed, IocType.IP)).containsExactly("198.51.100.7");
        assertThat(values(feed, IocType.DOMAIN)).containsExactly("bad.example.com");
        assertThat(values(feed, IocType.URI_PATH)).containsExactly("/aspnet_client/x1.aspx");
        assertThat(feed.entries().get(0).description()).isEqualTo("Scanning hosts");
        assertThat(feed.entries().get(2).description()).isEqualTo("Shells");
        assertThat(feed.problems()).isEmpty();
    }

    @Test
    void a_file_that_cannot_be_read_and_an_empty_folder_are_problems(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.json");
        Files.createDirectories(dir.resolve("empty"));

        assertThat(problems(IndicatorFeeds.load(missing).get(0))).contains("nope.json:0: cannot read the feed");
        assertThat(problems(IndicatorFeeds.load(dir.resolve("empty")).get(0))).contains("holds no feed files");
    }

    @Test
    void our_own_lists_are_read_as_they_are_with_their_names_and_titles() {
        Feed feed = one("mine.tsv", "#! name: my-list\n#! title: Our scanners\nip\t198.51.100.9\tlab\ncidr\tbad\n");

        assertThat(feed.format()).isEqualTo("exhunt list");
        assertThat(feed.name()).isEqualTo("my-list");
        assertThat(feed.title()).isEqualTo("Our scanners");
        assertThat(values(feed, IocType.IP)).containsExactly("198.51.100.9");
        assertThat(feed.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
    }

    @Test
    void tsv_written_for_a_feed_reads_back_to_the_same_indicators() {
        Feed feed = one("campaign.json", StixFeedReaderTest.bundle());

        Feed again = one("campaign.tsv", feed.toTsv());

        assertThat(again.problems()).isEmpty();
        assertThat(again.title()).isEqualTo(feed.title());
        assertThat(again.name()).isEqualTo(feed.name());
        assertThat(again.entries()).extracting(FeedEntry::type, FeedEntry::value, FeedEntry::description)
                .containsExactlyElementsOf(feed.entries().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.type(), e.value(), e.description())).toList());
    }

    @Test
    void comment_lines_before_a_csv_header_are_passed_over_and_lines_keep_their_numbers() {
        Feed feed = one("commented.csv", "# exported 2021-03-10\r\n\r\nvalue,type\r\n198.51.100.2,ip\r\nnot-an-ip,ip\r\n");

        assertThat(feed.format()).isEqualTo("CSV");
        assertThat(feed.entries()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(4));
        assertThat(feed.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(5));
    }

    @Test
    void a_file_that_is_no_feed_lists_a_hundred_problems_and_counts_the_rest() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 250; i++) text.append("just words on line ").append(i).append('\n');

        Feed feed = one("notes.txt", text.toString());

        assertThat(feed.problems()).hasSize(100);
        assertThat(feed.problems().get(99).reason()).startsWith("151 more problem(s) not listed");
    }

    @Test
    void long_descriptions_are_cut_to_a_readable_length() {
        Feed feed = one("long.csv", "value,type,notes\n198.51.100.3,ip," + "x".repeat(5000) + "\n");

        assertThat(feed.entries().get(0).description()).hasSize(300).endsWith("...");
    }

    @Test
    void addresses_and_hosts_with_a_port_are_kept_without_it() {
        Feed feed = one("ports.txt", "198.51.100.5:443\n[2001:db8::7]:8443\nupdate.example.org:8443\n");
        Feed typed = one("ports.csv", "value,type\nc2.example.net:8080,domain\n198.51.100.6:80,ip\n");

        assertThat(values(feed, IocType.IP)).containsExactlyInAnyOrder("198.51.100.5", "2001:db8:0:0:0:0:0:7");
        assertThat(values(typed, IocType.DOMAIN)).containsExactly("c2.example.net");
        assertThat(values(feed, IocType.DOMAIN)).containsExactly("update.example.org");
        assertThat(values(typed, IocType.IP)).containsExactly("198.51.100.6");
        assertThat(feed.problems()).isEmpty();
        assertThat(typed.problems()).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

}
