package org.exhunt.hunt.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.ActorChain.RuleCount;

/**
 * Writes a {@link ScanReport} as the documented JSON report (docs/report-schema.md), UTF-8,
 * indented with two spaces and {@code \n} line ends on every platform so that the same report
 * gives the same bytes everywhere.
 */
public final class JsonReportWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Writes the report to {@code out}; the stream is flushed, not closed. */
    public void write(ScanReport report, OutputStream out) throws IOException {
        try (JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // "key": value and [] as most JSON tools print them, rather than Jackson's "key" : value and [ ].
            Separators separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("");
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(separators)
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            gen.setPrettyPrinter(pretty);
            writeReport(gen, report);
        }
        out.write('\n');
        out.flush();
    }

    /** The report as a string, for tests and small reports. */
    public String toJson(ScanReport report) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            write(report, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a report to memory", e);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static void writeReport(JsonGenerator gen, ScanReport report) throws IOException {
        gen.writeStartObject();
        gen.writeObjectFieldStart("tool");
        gen.writeStringField("name", report.toolName());
        gen.writeStringField("version", report.toolVersion());
        gen.writeEndObject();
        gen.writeStringField("schema_version", ScanReport.SCHEMA_VERSION);
        writeScan(gen, report.scan());
        gen.writeObjectFieldStart("verdict");
        gen.writeStringField("value", report.judgement().verdict().word());
        JsonFields.stringArray(gen, "reasons", report.judgement().reasons());
        gen.writeEndObject();
        writeExposure(gen, report.exposure());
        writeCoverage(gen, report);
        gen.writeArrayFieldStart("findings");
        for (Finding finding : report.findings()) {
            JsonFields.finding(gen, finding);
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("chains");
        for (ActorChain chain : report.chains()) {
            writeChain(gen, chain);
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("errors");
        for (ScanError error : report.errors()) {
            gen.writeStartObject();
            JsonFields.nullableString(gen, "source", error.source());
            JsonFields.nullableString(gen, "message", error.message());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void writeScan(JsonGenerator gen, ScanInfo scan) throws IOException {
        gen.writeObjectFieldStart("scan");
        JsonFields.nullableString(gen, "id", scan.id());
        JsonFields.time(gen, "started", scan.started());
        JsonFields.time(gen, "finished", scan.finished());
        JsonFields.stringArray(gen, "inputs", scan.inputs());
        JsonFields.nullableString(gen, "host", scan.host());
        gen.writeNumberField("events", scan.events());
        gen.writeNumberField("threads", scan.threads());
        JsonFields.time(gen, "since", scan.since());
        JsonFields.time(gen, "until", scan.until());
        gen.writeObjectFieldStart("rules");
        for (Map.Entry<String, Integer> entry : scan.rules().entrySet()) {
            gen.writeNumberField(entry.getKey(), entry.getValue());
        }
        gen.writeEndObject();
        JsonFields.nullableString(gen, "fail_level", scan.failLevel());
        gen.writeEndObject();
    }

    private static void writeExposure(JsonGenerator gen, Exposure exposure) throws IOException {
        gen.writeObjectFieldStart("exposure");
        JsonFields.nullableString(gen, "build", exposure.build());
        JsonFields.nullableString(gen, "source", exposure.source());
        JsonFields.stringArray(gen, "cves", exposure.cves());
        gen.writeEndObject();
    }

    private static void writeCoverage(JsonGenerator gen, ScanReport report) throws IOException {
        gen.writeObjectFieldStart("coverage");
        gen.writeArrayFieldStart("files");
        for (FileCoverage file : report.coverage()) {
            gen.writeStartObject();
            gen.writeStringField("path", file.path());
            gen.writeStringField("kind", file.kind());
            gen.writeNumberField("events", file.events());
            JsonFields.time(gen, "first", file.first());
            JsonFields.time(gen, "last", file.last());
            gen.writeStringField("status", file.status());
            JsonFields.nullableString(gen, "reason", file.reason());
            JsonFields.stringArray(gen, "warnings", file.warnings());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeObjectFieldStart("totals");
        gen.writeNumberField("files", report.coverage().size());
        for (Map.Entry<String, Long> entry : CoverageTotals.byStatus(report.coverage()).entrySet()) {
            gen.writeNumberField(entry.getKey(), entry.getValue());
        }
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeChain(JsonGenerator gen, ActorChain chain) throws IOException {
        gen.writeStartObject();
        JsonFields.nullableString(gen, "actor", chain.actor());
        JsonFields.time(gen, "first", chain.first());
        JsonFields.time(gen, "last", chain.last());
        gen.writeNumberField("findings", chain.findings());
        gen.writeObjectFieldStart("levels");
        for (Map.Entry<String, Long> entry : chain.levels().entrySet()) {
            gen.writeNumberField(entry.getKey(), entry.getValue());
        }
        gen.writeEndObject();
        JsonFields.stringArray(gen, "tactics", chain.tactics());
        JsonFields.stringArray(gen, "cves", chain.cves());
        gen.writeArrayFieldStart("rules");
        for (RuleCount rule : chain.rules()) {
            gen.writeStartObject();
            gen.writeStringField("id", rule.id());
            gen.writeStringField("title", rule.title());
            gen.writeStringField("level", rule.level());
            gen.writeNumberField("count", rule.count());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }
}
