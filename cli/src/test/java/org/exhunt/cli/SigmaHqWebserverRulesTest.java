package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SigmaHQ's webserver rules, unchanged, over the corpus's real IIS log of a Tunna tunnel. The
 * expected hits were worked out by reading the rules: none of them describes Tunna's
 * {@code proxy&port=&ip=} requests, so the real log yields nothing; the lines appended below are
 * each written to meet (or just miss) one rule's detection.
 */
class SigmaHqWebserverRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TUNNA = "logs/EVTX-ATTACK-SAMPLES/Command and Control/Tunna_rdp_tunnel_IIS.log";

    @TempDir
    Path tmp;

    @Test
    void theRealTunnaLogMatchesNoSigmaHqWebserverRule() throws IOException {
        Path report = tmp.resolve("r.json");
        Cli.Run run = Cli.run("scan", Cli.corpus(TUNNA).toString(), "--no-default-rules",
                "--rules", Cli.corpus("sigma/rules/web").toString(), "--json", report.toString(), "--quiet");
        JsonNode r = JSON.readTree(report.toFile());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(r.at("/scan/events").asLong()).as("every data line of the log is read").isEqualTo(4298);
        long ruleFiles;
        try (var files = Files.walk(Cli.corpus("sigma/rules/web"))) {
            ruleFiles = files.filter(p -> p.toString().endsWith(".yml")).count();
        }
        assertThat(r.at("/scan/rules/sigma").asLong()).as("every SigmaHQ web rule compiles").isEqualTo(ruleFiles);
        assertThat(r.get("findings")).isEmpty();
    }

    @Test
    void appendedLinesHitExactlyTheRulesTheyWereWrittenFor() throws IOException {
        Path log = tmp.resolve("case/u_ex190903.log");
        Files.createDirectories(log.getParent());
        Files.copy(Cli.corpus(TUNNA), log);
        // The real log has 4308 lines, CRLF-terminated; these become lines 4309 to 4316.
        String extra = String.join("\r\n", List.of(
                // web_win_webshells_in_access_logs: GET and a '=whoami' keyword -> hit
                "2019-09-03 11:10:00 10.0.2.15 GET /erp/conn.aspx cmd=whoami 80 - 10.0.2.99 - - 200 0 0 5",
                // ... the same as POST: the rule wants GET -> no hit
                "2019-09-03 11:10:01 10.0.2.15 POST /erp/conn.aspx cmd=whoami 80 - 10.0.2.99 - - 200 0 0 5",
                // web_iis_tilt_shortname_scan: '~1' ... 'a.aspx', GET, status 200 -> hit
                "2019-09-03 11:10:02 10.0.2.15 GET /erp/default.aspx ~1a.aspx 80 - 10.0.2.99 - - 200 0 0 5",
                // ... status 404 is not a success -> no hit
                "2019-09-03 11:10:03 10.0.2.15 GET /erp/default.aspx ~1a.aspx 80 - 10.0.2.99 - - 404 0 0 5",
                // web_path_traversal_exploitation_attempt: '../../../etc/' in the query -> hit
                "2019-09-03 11:10:04 10.0.2.15 GET /erp/view.aspx file=../../../etc/passwd 80 - 10.0.2.99 - - 404 0 0 5",
                // web_susp_useragents: 'sqlmap/' in the user agent (IIS writes spaces as '+') -> hit
                "2019-09-03 11:10:05 10.0.2.15 GET /erp/ - 80 - 10.0.2.99 sqlmap/1.5.2#stable+(http://sqlmap.org) - 200 0 0 5",
                // web_webshell_regeorg: POST, 'cmd=read', no referer and no user agent -> hit
                "2019-09-03 11:10:06 10.0.2.15 POST /erp/tunnel.aspx cmd=read 80 - 10.0.2.99 - - 200 0 0 5",
                // ... with a user agent the filter no longer holds -> no hit
                "2019-09-03 11:10:07 10.0.2.15 POST /erp/tunnel.aspx cmd=read 80 - 10.0.2.99 Mozilla/5.0 - 200 0 0 5"))
                + "\r\n";
        Files.writeString(log, extra, StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.APPEND);

        Path jsonl = tmp.resolve("f.jsonl");
        Cli.run("scan", log.getParent().toString(), "--no-default-rules",
                "--rules", Cli.corpus("sigma/rules/web").toString(), "--jsonl", jsonl.toString(), "--quiet");

        List<String> hits = Files.readAllLines(jsonl).stream().map(SigmaHqWebserverRulesTest::ruleAtLine).toList();
        assertThat(hits).containsExactly(
                "7ff9db12-1b94-4a79-ba68-a2402c5d6729@4309",
                "7cb02516-6d95-4ffc-8eee-162075e111ac@4311",
                "7745c2ea-24a5-4290-b680-04359cb84b35@4313",
                "19aa4f58-94ca-45ff-bc34-92e533c0994a@4314",
                "2ea44a60-cfda-11ea-87d0-0242ac130003@4315");
    }

    private static String ruleAtLine(String jsonLine) {
        try {
            JsonNode f = JSON.readTree(jsonLine);
            return f.at("/rule/id").asText() + "@" + f.at("/source/line").asLong();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
