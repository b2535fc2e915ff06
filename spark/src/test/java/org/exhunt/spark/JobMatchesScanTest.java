package org.exhunt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.exhunt.hunt.finding.Finding;
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
 * The job in local mode over the example cases finds exactly what {@code exhunt scan} finds for
 * each example folder (same rule, file, line and record) and judges each server the same way.
 */
class JobMatchesScanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;

    @TempDir
    static Path out;

    @BeforeAll
    static void startSpark() {
        // Fails the test (never skips it) when Spark cannot start on this JVM.
        spark = SparkSession.builder().master("local[2]").appName("exhunt-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                // Small slices, so each example server is read by several tasks and merged again.
                .config(HuntJob.SLICE_BYTES, "16384")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.stop();
    }

    @Test
    void jobFindsWhatScanFindsAndJudgesEachServerTheSame() throws IOException {
        Path examples = examples();
        List<Path> cases;
        try (Stream<Path> s = Files.list(examples)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).as("example cases under %s", examples).hasSizeGreaterThanOrEqualTo(4);

        Map<String, Integer> scanFindings = new HashMap<>();
        Map<String, String> scanVerdicts = new HashMap<>();
        for (Path c : cases) {
            ScanResult result = new Scanner().scan(ScanOptions.of(List.of(c)), ScanListener.NONE);
            ScanReport report = ReportAssembler.assemble(result, "test");
            for (Finding f : report.findings()) {
                scanFindings.merge(key(examples, f.rule().id(), f.source().path(), f.source().line(),
                        f.source().record()), 1, Integer::sum);
            }
            scanVerdicts.put(c.getFileName().toString(), report.scan().host() + " "
                    + report.judgement().verdict().word());
        }

        String target = out.resolve("job").toString();
        List<String> summaries = HuntJob.run(spark, List.of(examples.toString()), target);

        Map<String, Integer> jobFindings = new HashMap<>();
        for (Row r : spark.read().parquet(target + "/findings.parquet").collectAsList()) {
            jobFindings.merge(key(examples, r.getAs("rule_id"), r.getAs("path"), r.getAs("line"), r.getAs("record")),
                    1, Integer::sum);
        }
        assertThat(scanFindings).as("findings of exhunt scan on the examples").isNotEmpty();
        assertThat(jobFindings).isEqualTo(scanFindings);

        List<String> jsonl = new ArrayList<>();
        try (Stream<Path> parts = Files.list(Path.of(target, "findings.jsonl"))) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                jsonl.addAll(Files.readAllLines(p));
            }
        }
        assertThat(jsonl).hasSize(jobFindings.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(JSON.readTree(jsonl.get(0)).has("rule")).as("a --jsonl line: %s", jsonl.get(0)).isTrue();

        Map<String, String> jobVerdicts = new HashMap<>();
        JsonNode written = JSON.readTree(Path.of(target, "verdicts.json").toFile());
        assertThat(written.size()).isEqualTo(summaries.size());
        for (JsonNode s : written) {
            String folder = Path.of(s.get("evidence").asText()).getFileName().toString();
            if (scanVerdicts.containsKey(folder)) {
                jobVerdicts.put(folder, s.get("host").asText() + " " + s.get("verdict").get("value").asText());
            }
        }
        assertThat(jobVerdicts).isEqualTo(scanVerdicts);
    }

    private static String key(Path examples, String rule, String path, long line, long record) {
        String relative = path == null ? "-" : examples.relativize(Path.of(path)).toString();
        return rule + " | " + relative + " | " + line + " | " + record;
    }

    private static Path examples() {
        String root = System.getProperty("exhunt.root");
        Path base = root != null ? Path.of(root) : Path.of("..");
        Path examples = base.resolve("examples").toAbsolutePath().normalize();
        assertThat(examples).as("the example cases (set exhunt.root to the project root)").isDirectory();
        return examples;
    }
}
