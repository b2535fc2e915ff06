package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void missingEvidenceIsAUsageErrorWithExitCode2() {
        Cli.Run run = Cli.run("scan", tmp.resolve("nope").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no such file or folder");
    }

    @Test
    void unknownFailLevelIsAUsageError() {
        Cli.Run run = Cli.run("scan", tmp.toString(), "--fail-level", "severe");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--fail-level");
    }

    @Test
    void failLevelAboveEveryFindingExitsZero() {
        Cli.Run strict = Cli.run("scan", Cli.example("proxylogon-compromised").toString(), "--quiet");
        Cli.Run lax = Cli.run("scan", Cli.example("proxylogon-compromised").toString(), "--quiet",
                "--no-default-rules");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).isEmpty();
        assertThat(lax.exit()).as("no rules, no findings").isEqualTo(0);
    }

    @Test
    void jsonlHasOneFindingPerLineWithRuleSourceAndActor() throws IOException {
        Path out = tmp.resolve("f.jsonl");
        Cli.run("scan", Cli.example("proxylogon-compromised").toString(), "--quiet", "--jsonl", out.toString());
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode f = JSON.readTree(line);
            assertThat(f.at("/rule/id").asText()).isNotBlank();
            assertThat(f.at("/rule/title").asText()).isNotBlank();
            assertThat(f.at("/rule/level").asText()).isNotBlank();
            assertThat(f.at("/rule/tags").isArray()).isTrue();
            assertThat(f.get("engine").asText()).isIn("sigma", "ioc", "yara", "exhunt");
            assertThat(f.at("/source/path").asText()).isNotBlank();
            if (f.get("engine").asText().equals("yara")) {
                // A finding on a whole file (the web-file sweep) has no line, but its hash.
                assertThat(f.at("/matched/sha256").asText()).hasSize(64);
            } else {
                assertThat(f.at("/source/line").asLong()).isPositive();
            }
        }
    }

    @Test
    void aZipOfTheEvidenceGivesTheSameFindingsAsTheFolder() throws IOException {
        Path folder = Cli.example("proxylogon-compromised");
        Path zip = tmp.resolve("mbx01.zip");
        zipFolder(folder, zip);
        Path a = tmp.resolve("a.jsonl");
        Path b = tmp.resolve("b.jsonl");
        Cli.run("scan", folder.toString(), "--quiet", "--jsonl", a.toString());
        Cli.run("scan", zip.toString(), "--quiet", "--jsonl", b.toString());
        assertThat(ruleAndLine(b)).isEqualTo(ruleAndLine(a)).isNotEmpty();
    }

    @Test
    void sinceDropsEarlierEventsAndSaysSoInCoverage() throws IOException {
        Path all = tmp.resolve("all.json");
        Path late = tmp.resolve("late.json");
        Cli.run("scan", Cli.example("proxylogon-compromised").toString(), "--quiet", "--json", all.toString());
        Cli.run("scan", Cli.example("proxylogon-compromised").toString(), "--quiet", "--json", late.toString(),
                "--since", "2030-01-01");
        assertThat(JSON.readTree(all.toFile()).get("findings").size()).isPositive();
        // Files carry no event time: a web shell found on disk stays a finding whatever the window.
        JsonNode lateFindings = JSON.readTree(late.toFile()).get("findings");
        assertThat(lateFindings).allSatisfy(f -> assertThat(f.get("engine").asText()).isEqualTo("yara"));
        assertThat(lateFindings).allSatisfy(f -> assertThat(f.get("time").isNull()).isTrue());
    }

    @Test
    void badFilesAreListedInCoverageWithAReasonAndTheScanGoesOn() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("case"));
        Files.write(dir.resolve("garbage.log"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7});
        Files.writeString(dir.resolve("broken.zip"), "PK\u0003\u0004 this is not really a zip");
        Files.writeString(dir.resolve("u_ex210303.log"), "#Software: Microsoft Internet Information Services 10.0\r\n"
                + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status\r\n"
                + "2021-03-03 01:02:03 10.0.0.1 GET /owa/ - 443 - 203.0.113.9 Mozilla/5.0+(Windows) 200\r\n"
                + "2021-03-03 01:02:04 10.0.0.1 GET /owa/auth/logon.aspx", StandardCharsets.UTF_8);
        Path report = tmp.resolve("r.json");
        Cli.Run run = Cli.run("scan", dir.toString(), "--quiet", "--json", report.toString());

        assertThat(run.exit()).as(run.err()).isIn(0, 1);
        JsonNode r = JSON.readTree(report.toFile());
        String coverage = r.get("coverage").toString() + r.get("errors").toString();
        assertThat(coverage).contains("garbage.log").contains("broken.zip").contains("u_ex210303.log");
        JsonNode iis = find(r.at("/coverage/files"), "u_ex210303.log");
        assertThat(iis.get("events").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode zip = find(r.at("/coverage/files"), "broken.zip");
        assertThat(zip.get("status").asText()).isEqualTo("failed");
        assertThat(zip.get("reason").asText()).isNotBlank();
        JsonNode garbage = find(r.at("/coverage/files"), "garbage.log");
        assertThat(garbage.get("status").asText()).isEqualTo("skipped");
        assertThat(garbage.get("reason").asText()).isNotBlank();
    }

    @Test
    void rulesWrittenWithEcsFieldNamesMatchIisEventsThroughTheBuiltInPipeline() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ecs"));
        Files.writeString(dir.resolve("u_ex210303.log"), "#Software: Microsoft Internet Information Services 10.0\r\n"
                + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status\r\n"
                + "2021-03-03 01:02:03 10.0.0.1 POST /owa/auth/errorFE.aspx - 443 - 203.0.113.9 python-requests/2.25 200\r\n"
                + "2021-03-03 01:02:04 10.0.0.1 GET /owa/auth/errorFE.aspx - 443 - 203.0.113.9 Mozilla/5.0 200\r\n");
        Path rule = tmp.resolve("ecs-rule.yml");
        Files.writeString(rule, "title: ECS-named web rule\nid: 5b0c1f2e-3a4d-4e5f-8a6b-7c8d9e0f1a2b\n"
                + "logsource:\n  category: webserver\ndetection:\n  selection:\n"
                + "    url.path|endswith: errorFE.aspx\n    http.request.method: POST\n"
                + "    user_agent.original|startswith: python-\n  condition: selection\nlevel: high\n");
        Path jsonl = tmp.resolve("ecs.jsonl");
        Cli.run("scan", dir.toString(), "--no-default-rules", "--rules", rule.toString(), "--quiet",
                "--jsonl", jsonl.toString());
        assertThat(ruleAndLine(jsonl)).containsExactly("5b0c1f2e-3a4d-4e5f-8a6b-7c8d9e0f1a2b u_ex210303.log:3");
    }

    @Test
    void evidenceIsNeverModified() throws IOException {
        Path folder = Cli.example("proxylogon-compromised");
        String before = snapshot(folder);
        Cli.run("scan", folder.toString(), "--quiet", "--json", tmp.resolve("r.json").toString());
        assertThat(snapshot(folder)).isEqualTo(before);
    }

    private static JsonNode find(JsonNode files, String nameEnd) {
        for (JsonNode f : files) if (f.get("path").asText().endsWith(nameEnd)) return f;
        throw new AssertionError("no coverage entry for " + nameEnd + " in " + files);
    }

    private static List<String> ruleAndLine(Path jsonl) throws IOException {
        return Files.readAllLines(jsonl).stream().map(l -> {
            try {
                JsonNode f = JSON.readTree(l);
                String path = f.at("/source/path").asText();
                String tail = path.substring(path.lastIndexOf('/') + 1);
                return f.at("/rule/id").asText() + " " + tail + ":" + f.at("/source/line").asLong();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).sorted().toList();
    }

    private static String snapshot(Path folder) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted().toList()) {
                sb.append(folder.relativize(p)).append(' ');
                if (Files.isRegularFile(p)) {
                    sb.append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p)).append(' ')
                            .append(java.util.Arrays.hashCode(Files.readAllBytes(p)));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static void zipFolder(Path folder, Path zip) throws IOException {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os);
             Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry("mbx01/" + folder.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
    }
}
