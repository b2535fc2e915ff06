package org.exhunt.hunt.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.scan.ScanListener;
import org.exhunt.hunt.scan.ScanOptions;
import org.exhunt.hunt.scan.ScanResult;
import org.exhunt.hunt.scan.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds given to a scan take part in it: log events and files are checked against them. */
class FeedsInAScanTest {

    static final String FEED_ADDRESS = "198.51.100.23";

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Path iisLog(Path dir) throws IOException {
        return write(dir.resolve("evidence/inetpub/logs/LogFiles/W3SVC1/u_ex210303.log"), """
            #Software: Microsoft Internet Information Services 10.0
            #Version: 1.0
            #Date: 2021-03-03 02:00:00
            #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
            2021-03-03 02:00:01 10.0.0.5 GET /owa/ - 443 - 10.0.3.7 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 15
            2021-03-03 02:00:02 10.0.0.5 GET /ecp/default.aspx - 443 - %s Mozilla/5.0+(Windows+NT+10.0) - 302 0 0 12
            """.formatted(FEED_ADDRESS));
    }

    private static String sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static ScanResult scan(Path evidence, List<Path> feeds) {
        ScanOptions options = new ScanOptions(List.of(evidence), List.of(), true, null, null, 1, Level.MEDIUM, feeds);
        return new Scanner().scan(options, ScanListener.NONE);
    }

    @Test
    void a_request_from_an_address_of_a_stix_feed_is_an_ioc_finding_titled_after_the_feed(@TempDir Path dir) throws IOException {
        Path log = iisLog(dir);
        Path feed = write(dir.resolve("feeds/campaign.json"), StixFeedReaderTest.bundle());

        ScanResult result = scan(log.getParent(), List.of(feed));

        List<Finding> fromFeed = result.findings().stream()
                .filter(f -> f.engine().equals("ioc") && f.rule().id().equals("ioc:campaign")).toList();
        assertThat(fromFeed).singleElement().satisfies(f -> {
            assertThat(f.rule().title()).contains("STIX 2.1 feed", "Exchange intrusions March 2021");
            assertThat(f.actor().ip()).isEqualTo(FEED_ADDRESS);
            assertThat(f.source().line()).isEqualTo(6);
        });
        assertThat(result.errors()).as("the bundle's unusable patterns are reported with the rule problems")
                .anySatisfy(e -> assertThat(e.message()).contains("campaign.json", "indicator--6"));
    }

    @Test
    void without_the_feed_the_same_request_is_no_ioc_finding(@TempDir Path dir) throws IOException {
        Path log = iisLog(dir);

        ScanResult result = scan(log.getParent(), List.of());

        assertThat(result.findings()).noneSatisfy(f -> assertThat(f.actor() == null ? null : f.actor().ip())
                .isEqualTo(FEED_ADDRESS));
    }

    @Test
    void a_file_whose_sha256_is_in_a_misp_event_is_found_by_the_sweep(@TempDir Path dir) throws IOException {
        Path shell = write(dir.resolve("evidence/inetpub/wwwroot/aspnet_client/x9.aspx"), "<%@ Page Language=\"C#\" %>quiet page");
        String sha = sha256(Files.readAllBytes(shell));
        Path feed = write(dir.resolve("feeds/event.json"), """
            {"Event": {"info": "Shell hashes", "Attribute": [{"type": "sha256", "value": "%s", "to_ids": true}]}}
            """.formatted(sha));

        ScanResult result = scan(dir.resolve("evidence"), List.of(feed));

        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.engine()).isEqualTo("ioc");
            assertThat(f.rule().title()).isEqualTo("Indicator from MISP feed \"Shell hashes\"");
            assertThat(f.source().path()).isEqualTo(shell.toString());
        });
    }

    @Test
    void files_whose_md5_or_sha1_is_in_a_stix_feed_are_found_by_the_sweep(@TempDir Path dir) throws IOException {
        Path first = write(dir.resolve("evidence/inetpub/wwwroot/aspnet_client/a1.aspx"), "<%@ Page Language=\"C#\" %>one");
        Path second = write(dir.resolve("evidence/inetpub/wwwroot/aspnet_client/b2.aspx"), "<%@ Page Language=\"C#\" %>two");
        write(dir.resolve("evidence/inetpub/wwwroot/aspnet_client/c3.aspx"), "<%@ Page Language=\"C#\" %>three");
        Path feed = write(dir.resolve("feeds/hashes.json"), """
            {"type": "bundle", "id": "bundle--1", "objects": [
              {"type": "indicator", "id": "indicator--1", "pattern_type": "stix",
               "pattern": "[file:hashes.MD5 = '%s']"},
              {"type": "indicator", "id": "indicator--2", "pattern_type": "stix",
               "pattern": "[file:hashes.'SHA-1' = '%s']"}]}
            """.formatted(digest("MD5", Files.readAllBytes(first)), digest("SHA-1", Files.readAllBytes(second))));

        ScanResult result = scan(dir.resolve("evidence"), List.of(feed));

        List<String> hit = result.findings().stream().filter(f -> f.engine().equals("ioc"))
                .map(f -> f.source().path()).toList();
        assertThat(hit).containsExactlyInAnyOrder(first.toString(), second.toString());
    }
}
