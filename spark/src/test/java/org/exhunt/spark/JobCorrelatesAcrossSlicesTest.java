package org.exhunt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.report.ScanReport;
import org.exhunt.hunt.scan.ReportAssembler;
import org.exhunt.hunt.scan.ScanListener;
import org.exhunt.hunt.scan.ScanOptions;
import org.exhunt.hunt.scan.ScanResult;
import org.exhunt.hunt.scan.Scanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With slices so small that every file, and every 64 KiB chunk of an EVTX file, is read by a task
 * of its own, the job still finds what one {@code exhunt scan} of the server finds: Sigma
 * correlations whose events lie in different files or chunks fire once, as in the scan, and the
 * EVTX file's events are all counted.
 */
class JobCorrelatesAcrossSlicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Security log of an SMB password guessing run: thousands of 4625 failed logons over ~49 chunks. */
    private static final String GUESSING = "evtx/hayabusa-sample-evtx/DeepBlueCLI/smb-password-guessing-security.evtx";

    private static final String HEADER = "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
            + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) "
            + "cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n";
    private static final String RULES = """
            title: Request to the Exchange control panel
            id: 8a51f7c2-0c1e-4f0e-9d7e-3a2b6c5d4e01
            name: job_test_ecp_request
            status: test
            logsource:
              category: webserver
            detection:
              selection:
                cs-uri-stem|startswith: '/ecp/'
              condition: selection
            level: low
            ---
            title: Two control panel requests from one address within ten minutes
            id: 8a51f7c2-0c1e-4f0e-9d7e-3a2b6c5d4e02
            status: test
            correlation:
              type: event_count
              rules:
                - job_test_ecp_request
              group-by:
                - c-ip
              timespan: 10m
              condition:
                gte: 2
            level: high
            ---
            title: Failed logon
            id: 8a51f7c2-0c1e-4f0e-9d7e-3a2b6c5d4e03
            name: job_test_failed_logon
            status: test
            logsource:
              product: windows
              service: security
            detection:
              selection:
                EventID: 4625
              condition: selection
            level: low
            ---
            title: Many failed logons of one account
            id: 8a51f7c2-0c1e-4f0e-9d7e-3a2b6c5d4e04
            status: test
            correlation:
              type: event_count
              rules:
                - job_test_failed_logon
              group-by:
                - TargetUserName
              timespan: 5m
              condition:
                gte: 20
            level: high
            """;

    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("exhunt-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.stop();
    }

    @Test
    void correlationsOverFilesAndChunksReadByDifferentTasksFireAsInTheScan() throws IOException {
        Path server = Files.createDirectories(dir.resolve("lake").resolve("EXCH01"));
        Files.writeString(server.resolve("u_ex210302.log"), HEADER
                + "2021-03-02 23:59:30 10.0.0.5 GET /ecp/default.aspx - 443 - 203.0.113.9 Probe/1.0 - 200 0 0 15\n");
        Files.writeString(server.resolve("u_ex210303.log"), HEADER
                + "2021-03-03 00:01:30 10.0.0.5 GET /ecp/about.aspx - 443 - 203.0.113.9 Probe/1.0 - 200 0 0 15\n");
        Path evtx = Files.copy(corpus(GUESSING), server.resolve("Security.evtx"));
        assertThat(Files.size(evtx)).as("a multi-chunk EVTX file").isGreaterThan(20 * 65536);
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("job-test.yml"), RULES);

        ScanResult scanned = new Scanner().scan(new ScanOptions(List.of(server), List.of(rules), true, null, null, 1,
                Level.MEDIUM), ScanListener.NONE);
        ScanReport report = ReportAssembler.assemble(scanned, "test");
        List<String> scanFindings = new ArrayList<>();
        for (Finding f : report.findings()) {
            scanFindings.add(key(f.rule().id(), f.source() == null ? null : f.source().path(),
                    f.source() == null ? 0 : f.source().line(), f.source() == null ? 0 : f.source().record()));
        }

        // Every file a slice of its own; the EVTX file one task per chunk.
        spark.conf().set(HuntJob.SLICE_BYTES, "100");
        spark.conf().set(HuntJob.RULES, rules.toString());
        String target = dir.resolve("out").toString();
        HuntJob.run(spark, List.of(dir.resolve("lake").toString()), target);

        List<String> jobFindings = new ArrayList<>();
        for (Row r : spark.read().parquet(target + "/findings.parquet").collectAsList()) {
            jobFindings.add(key(r.getAs("rule_id"), r.getAs("path"), r.getAs("line"), r.getAs("record")));
        }
        assertThat(scanFindings).filteredOn(k -> k.startsWith("8a51f7c2-0c1e-4f0e-9d7e-3a2b6c5d4e02 "))
                .as("the web correlation in the scan").hasSize(1);
        assertThat(scanFindings).filteredOn(k -> k.startsWith("8a51f7c2-0c1e-4f0e-9d7e-3a2b6c5d4e04 "))
                .as("the failed-logon correlation in the scan").isNotEmpty();
        assertThat(jobFindings).containsExactlyInAnyOrderElementsOf(scanFindings);

        JsonNode summary = JSON.readTree(Path.of(target, "verdicts.json").toFile()).get(0);
        assertThat(summary.get("events").asLong()).isEqualTo(scanned.events());
        assertThat(summary.get("verdict").get("value").asText()).isEqualTo(report.judgement().verdict().word());
        assertThat(summary.get("host").asText()).isEqualTo(report.scan().host());
    }

    private static String key(String rule, String path, long line, long record) {
        return rule + " | " + path + " | " + line + " | " + record;
    }

    /** A file of the shared test corpus; the test fails, never skips, without it. */
    private static Path corpus(String relative) {
        String configured = System.getProperty("exhunt.corpus");
        Path root;
        if (configured != null && !configured.isBlank()) {
            root = Path.of(configured);
        } else {
            String project = System.getProperty("exhunt.root");
            root = (project != null ? Path.of(project) : Path.of("").toAbsolutePath().getParent())
                    .resolve("../shared/corpus");
        }
        Path p = root.resolve(relative).normalize();
        assertThat(p).as("test corpus file (set -Dexhunt.corpus to the shared corpus folder)").isRegularFile();
        return p;
    }
}
