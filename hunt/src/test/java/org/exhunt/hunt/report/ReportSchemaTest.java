package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportSchemaTest {

    private static final String RESOURCE = "/org/exhunt/hunt/report/report.schema.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ReportSchemaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("schema resource %s on the classpath", RESOURCE).isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<ValidationMessage> validate(JsonNode report) {
        return schema.validate(report);
    }

    private static JsonNode json(ScanReport report) throws IOException {
        return MAPPER.readTree(new JsonReportWriter().toJson(report));
    }

    @Test
    void compromiseReportMatchesTheSchema() throws IOException {
        assertThat(validate(json(ReportFixtures.compromiseReport()))).isEmpty();
    }

    @Test
    void emptyReportMatchesTheSchema() throws IOException {
        assertThat(validate(json(ReportFixtures.emptyReport()))).isEmpty();
    }

    @Test
    void reportWithNullsEverywhereAllowedMatchesTheSchema() throws IOException {
        ScanInfo bare = new ScanInfo(null, null, null, null, null, 0, 1, null, null, null, null);
        Finding untimed = new Finding(new RuleRef("r", "t", Level.INFORMATIONAL, List.of("cve.2021.34473")),
                "ioc", null, new SourceRef("a", -1, -1, -1), java.util.Map.of(), null);
        ScanReport report = ScanReport.builder().tool("exhunt", "dev").scan(bare).addFinding(untimed)
                .addError(new ScanError(null, "fatal")).build();

        assertThat(validate(json(report))).isEmpty();
        assertThat(json(report).get("chains").get(0).get("cves").get(0).asText()).isEqualTo("CVE-2021-34473");
    }

    @Test
    void schemaRejectsAnUnknownVerdictWord() throws IOException {
        ObjectNode report = (ObjectNode) json(ReportFixtures.compromiseReport());
        ((ObjectNode) report.get("verdict")).put("value", "probably-fine");

        assertThat(validate(report)).isNotEmpty();
    }

    @Test
    void schemaRejectsALocalTimeWithoutZone() throws IOException {
        ObjectNode report = (ObjectNode) json(ReportFixtures.compromiseReport());
        ((ObjectNode) report.get("scan")).put("started", "2026-01-01T10:00:00");

        assertThat(validate(report)).isNotEmpty();
    }

    @Test
    void schemaRejectsAReportMissingATopLevelSection() throws IOException {
        ObjectNode report = (ObjectNode) json(ReportFixtures.compromiseReport());
        report.remove("coverage");

        assertThat(validate(report)).isNotEmpty();
    }

    @Test
    void schemaInDocsIsIdenticalToTheClasspathCopy() throws IOException {
        Path docs = projectRoot().resolve("docs/report.schema.json");
        if (!Files.isRegularFile(docs)) {
            fail("docs copy of the report schema not found at " + docs
                    + " (set system property exhunt.root to the project root)");
        }
        byte[] resource;
        try (InputStream in = ReportSchemaTest.class.getResourceAsStream(RESOURCE)) {
            resource = in.readAllBytes();
        }
        assertThat(resource).as("%s must equal %s", RESOURCE, docs).isEqualTo(Files.readAllBytes(docs));
    }

    @Test
    void schemaVersionInReportsMatchesTheSchemaPattern() throws IOException {
        assertThat(json(ReportFixtures.emptyReport()).get("schema_version").asText())
                .isEqualTo(ScanReport.SCHEMA_VERSION).matches("1\\.[0-9]+");
    }

    @Test
    void actorlessFindingStillWritesAnActorObject() throws IOException {
        Finding finding = new Finding(ReportFixtures.WEBSHELL_YARA, "yara", null,
                new SourceRef("x.aspx", -1, -1, -1), java.util.Map.of(), Actor.UNKNOWN);
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addFinding(finding).build();

        JsonNode actor = json(report).get("findings").get(0).get("actor");
        assertThat(actor.has("ip")).isTrue();
        assertThat(validate(json(report))).isEmpty();
    }

    @Test
    void exampleInTheSchemaDocsMatchesTheSchema() throws IOException {
        Path prose = projectRoot().resolve("docs/report-schema.md");
        if (!Files.isRegularFile(prose)) {
            fail("report schema documentation not found at " + prose);
        }
        String text = Files.readString(prose);
        int start = text.indexOf("```json\n");
        int end = text.indexOf("```", start + 8);
        assertThat(start).as("a ```json example block in %s", prose).isNotNegative();

        JsonNode example = MAPPER.readTree(text.substring(start + 8, end));

        assertThat(validate(example)).isEmpty();
    }

    /** The project root: surefire sets exhunt.root; otherwise the module's parent folder. */
    private static Path projectRoot() {
        String root = System.getProperty("exhunt.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    }
}
