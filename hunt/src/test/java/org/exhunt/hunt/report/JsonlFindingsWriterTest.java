package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.finding.Finding;
import org.junit.jupiter.api.Test;

class JsonlFindingsWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String jsonl(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonlFindingsWriter.write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneParsableObjectPerLinePerFinding() throws IOException {
        ScanReport report = ReportFixtures.compromiseReport();
        String text = jsonl(report);

        String[] lines = text.split("\n", -1);
        assertThat(lines).hasSize(report.findings().size() + 1);
        assertThat(lines[lines.length - 1]).isEmpty();
        for (int i = 0; i < report.findings().size(); i++) {
            assertThat(lines[i]).startsWith("{").endsWith("}");
            JsonNode node = MAPPER.readTree(lines[i]);
            assertThat(node.get("rule").get("id").asText()).isEqualTo(report.findings().get(i).rule().id());
        }
    }

    @Test
    void lineHasTheSameShapeAsAReportFinding() throws IOException {
        ScanReport report = ReportFixtures.compromiseReport();
        JsonNode fromReport = MAPPER.readTree(new JsonReportWriter().toJson(report)).get("findings").get(2);
        JsonNode fromLine = MAPPER.readTree(jsonl(report).split("\n")[2]);

        assertThat(fromLine).isEqualTo(fromReport);
        assertThat(fromLine.get("rule").get("title").asText()).isEqualTo("ProxyLogon SSRF succeeded");
        assertThat(fromLine.get("source").get("line").asLong()).isEqualTo(41);
    }

    @Test
    void noFindingsWritesNothing() throws IOException {
        assertThat(jsonl(ReportFixtures.emptyReport())).isEmpty();
    }

    @Test
    void findingsCanBeStreamedOneAtATime() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Finding> findings = new ArrayList<>(ReportFixtures.compromiseFindings());
        try (JsonlFindingsWriter writer = new JsonlFindingsWriter(out)) {
            writer.write(findings.get(0));
            writer.flush();
            assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("}\n").doesNotStartWith(" ");
            writer.write(findings.get(1));
        }

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("{\"rule\":");
    }
}
