package org.exhunt.hunt.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.intel.FeedAssertions.problems;
import static org.exhunt.hunt.intel.FeedAssertions.values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.exhunt.hunt.ioc.IocType;
import org.exhunt.hunt.read.CorpusFiles;
import org.junit.jupiter.api.Test;

/**
 * The public feeds of the 2021 Exchange campaign as published, read whole. Expected values are
 * taken from the raw files with the simplest reading that works for each one (split on commas,
 * match a hex run), not from the readers under test.
 */
class RealFeedsTest {

    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    private static Feed load(Path p) {
        List<Feed> feeds = IndicatorFeeds.load(p);
        assertThat(feeds).as(p.toString()).hasSize(1);
        return feeds.get(0);
    }

    @Test
    void mstic_csv_gives_every_sha256_and_domain_and_a_web_path_for_every_file_path() throws IOException {
        Path file = CorpusFiles.require("intel/mstic-exchange-march2021.csv");
        List<String[]> rows = lines(file).stream().skip(1).map(l -> l.split(",")).toList();
        Set<String> sha256 = column(rows, "sha256");
        Set<String> domains = column(rows, "domainname");
        Set<String> fileNames = column(rows, "filepath").stream()
                .map(p -> p.substring(p.lastIndexOf('\\') + 1)).collect(Collectors.toSet());

        Feed feed = load(file);

        assertThat(feed.format()).isEqualTo("MSTIC CSV");
        assertThat(feed.problems()).as(problems(feed)).isEmpty();
        assertThat(values(feed, IocType.SHA256)).isEqualTo(sha256);
        assertThat(values(feed, IocType.DOMAIN)).isEqualTo(domains);
        Set<String> paths = values(feed, IocType.URI_PATH);
        for (String name : fileNames) {
            assertThat(paths).as(name).anySatisfy(p -> assertThat(p).endsWith(name));
        }
        assertThat(paths).as("every path under a web root becomes the path a request would use")
                .contains("/owa/auth/errorpage.aspx", "/aspnet_client/supp0rt.aspx");
        assertThat(feed.title()).contains("mstic-exchange-march2021.csv");
    }

    private static Set<String> column(List<String[]> rows, String type) {
        return rows.stream().filter(r -> r.length > 3 && r[3].equals(type))
                .map(r -> r[2].toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    @Test
    void volexity_csv_gives_every_address_with_its_note() throws IOException {
        Path file = CorpusFiles.require("intel/volexity-exchange-marauder-indicators.csv");
        Set<String> addresses = lines(file).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());

        Feed feed = load(file);

        assertThat(feed.problems()).as(problems(feed)).isEmpty();
        assertThat(values(feed, IocType.IP)).isEqualTo(addresses);
        assertThat(feed.entries()).allSatisfy(e -> assertThat(e.description()).contains("March 2021"));
    }

    @Test
    void chirp_yaml_gives_the_network_addresses_and_counts_the_other_indicators() throws IOException {
        Path file = CorpusFiles.require("intel/CHIRP/indicators/AA21-062A/AA21062A.yaml");
        List<String> raw = lines(file);
        Set<String> addresses = raw.stream().map(String::trim).filter(l -> l.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"))
                .collect(Collectors.toSet());
        long yara = raw.stream().filter(l -> l.startsWith("ioc_type:") && l.contains("yara")).count();

        Feed feed = load(file);

        assertThat(feed.format()).isEqualTo("CHIRP");
        assertThat(values(feed, IocType.IP)).isEqualTo(addresses);
        assertThat(problems(feed)).contains(yara + " value(s) skipped", "CHIRP indicators of type 'yara'");
    }

    @Test
    void signature_base_hash_list_gives_its_sha256_sha1_and_md5_hashes() throws IOException {
        Path file = CorpusFiles.require("yara/iocs/hash-iocs.txt");
        Pattern hash = Pattern.compile("^([0-9a-fA-F]+);");
        Set<String> sha256 = new java.util.HashSet<>();
        Set<String> sha1 = new java.util.HashSet<>();
        Set<String> md5 = new java.util.HashSet<>();
        for (String l : lines(file)) {
            Matcher m = hash.matcher(l.trim());
            if (!m.find()) continue;
            String h = m.group(1).toLowerCase(Locale.ROOT);
            if (h.length() == 64) sha256.add(h);
            if (h.length() == 40) sha1.add(h);
            if (h.length() == 32) md5.add(h);
        }

        Feed feed = load(file);

        assertThat(values(feed, IocType.SHA256)).isEqualTo(sha256);
        assertThat(values(feed, IocType.SHA1)).isEqualTo(sha1);
        assertThat(values(feed, IocType.MD5)).isEqualTo(md5);
        assertThat(md5).as("the list does publish MD5 hashes").isNotEmpty();
    }

    @Test
    void signature_base_file_name_regexes_naming_one_web_path_become_uri_paths_and_the_rest_are_counted() throws IOException {
        Path file = CorpusFiles.require("yara/iocs/filename-iocs.txt");
        List<String> regexLines = lines(file).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && l.matches(".*;\\d+(;.*)?")).toList();
        // The MSTIC web-shell paths under owa\auth, written as plain escaped paths in the list.
        Pattern owaAuth = Pattern.compile(Pattern.quote("\\FrontEnd\\HttpProxy\\owa\\auth\\".replace("\\", "\\\\"))
                + "([A-Za-z0-9_-]+)" + Pattern.quote("\\.aspx;") + "\\d+");
        Set<String> expected = regexLines.stream().map(owaAuth::matcher).filter(Matcher::matches)
                .map(m -> "/owa/auth/" + m.group(1).toLowerCase(Locale.ROOT) + ".aspx").collect(Collectors.toSet());

        Feed feed = load(file);

        assertThat(expected).isNotEmpty();
        assertThat(values(feed, IocType.URI_PATH)).containsAll(expected);
        assertThat(feed.entries()).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(IocType.URI_PATH);
            assertThat(e.value()).matches(".*\\.(aspx|asp|ashx|asmx|asax|ascx|axd|cshtml|php|jsp|jspx|svc|soap)");
            assertThat(e.description()).contains("(score ");
        });
        Matcher skipped = Pattern.compile("(\\d+) value\\(s\\) skipped.*file-name regular expressions").matcher(problems(feed));
        assertThat(skipped.find()).as(problems(feed)).isTrue();
        assertThat(Integer.parseInt(skipped.group(1)) + feed.entries().size()).isLessThanOrEqualTo(regexLines.size());
        assertThat(Integer.parseInt(skipped.group(1))).isGreaterThan(regexLines.size() / 2);
    }

    @Test
    void the_intel_folder_loads_every_feed_and_passes_over_the_license() {
        Path folder = CorpusFiles.require("intel/volexity-exchange-marauder-indicators.csv").getParent();

        List<Feed> feeds = IndicatorFeeds.load(folder);

        assertThat(feeds).extracting(f -> Path.of(f.source()).getFileName().toString())
                .containsExactly("AA21062A.yaml", "mstic-exchange-march2021.csv", "volexity-exchange-marauder-indicators.csv");
        assertThat(IndicatorFeeds.iocSet(feeds).lists()).hasSize(3);
    }
}
