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
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.attack.Resemblance;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.ActorChain.RuleCount;
import org.exhunt.hunt.verdict.Retention;

/**
 * Writes a {@link ScanReport} as the documented JSON report (docs/report-schema.md), UTF-8,
 * indented with two spaces and {@code \n} line ends on every platform so that the same report
 * gives the same bytes everywhere. The findings, most of a large report, are rendered on as many
 * threads as the scan used (at most one per core), with the same bytes as on one.
 */
public final class JsonReportWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Threads to render the findings on; 0 means as many as the scan used ({@code scan.threads}). */
    private final int threads;
    private final int partSize;

    public JsonReportWriter() {
        this(0, FindingParts.PART_SIZE);
    }

    /** A writer that renders the findings on {@code threads} threads, in parts of {@code partSize}. */
    JsonReportWriter(int threads, int partSize) {
        if (partSize < 1) throw new IllegalArgumentException("part size must be at least 1, got " + partSize);
        this.threads = threads;
        this.partSize = partSize;
    }

    /** Writes the report to {@code out}; the stream is flushed, not closed. */
    public void write(ScanReport report, OutputStream out) throws IOException {
        try (JsonGenerator gen = generator(out)) {
            // The findings' parts are written to out directly, after a flush of what the generator holds;
            // that flush need not reach the disk each time.
            gen.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            writeReport(gen, report, out, threads > 0 ? threads : FindingParts.threadsFor(report));
        }
        out.write('\n');
        out.flush();
    }

    /** A generator with the report's layout; each one has its own pretty printer, which counts nesting. */
    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
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
        return gen;
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

    private void writeReport(JsonGenerator gen, ScanReport report, OutputStream out, int threads)
            throws IOException {
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
        writeRetention(gen, report.retention());
        writeCoverage(gen, report);
        gen.writeArrayFieldStart("findings");
        writeFindings(gen, report.findings(), out, threads);
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

    /**
     * The findings' array entries. The first is written by {@code gen} itself, so that it knows the
     * array is not empty and closes it on a new line; the rest are rendered in parts, on several
     * threads when there are several, and their bytes written to {@code out} in order.
     */
    private void writeFindings(JsonGenerator gen, List<Finding> findings, OutputStream out, int threads)
            throws IOException {
        if (findings.isEmpty()) return;
        JsonFields.finding(gen, findings.get(0));
        if (threads <= 1) {
            for (Finding finding : findings.subList(1, findings.size())) JsonFields.finding(gen, finding);
            return;
        }
        FindingParts.render(findings.subList(1, findings.size()), threads, partSize, JsonReportWriter::renderPart,
                bytes -> {
                    gen.flush();
                    out.write(bytes);
                });
    }

    /**
     * Findings as they follow an earlier entry of the report's findings array: each one's comma,
     * line end and indentation, then the finding. The part's generator is brought to the same place
     * in the same shape of document (an entry inside an array inside the root object) before its
     * output is kept, so it writes the bytes the report's generator would write there.
     */
    static byte[] renderPart(List<Finding> part) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator gen = generator(buffer)) {
            gen.writeStartObject();
            gen.writeArrayFieldStart("findings");
            gen.writeNumber(0); // stands for the entries before this part
            gen.flush();
            buffer.reset(); // keeps what follows alone
            for (Finding finding : part) JsonFields.finding(gen, finding);
            gen.flush();
            return buffer.toByteArray();
        }
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

    private static void writeRetention(JsonGenerator gen, Retention retention) throws IOException {
        gen.writeObjectFieldStart("retention");
        gen.writeObjectFieldStart("logs");
        for (Retention.LogSpan span : retention.logs()) {
            gen.writeObjectFieldStart(span.kind());
            JsonFields.time(gen, "earliest", span.earliest());
            JsonFields.time(gen, "latest", span.latest());
            gen.writeNumberField("files", span.files());
            gen.writeEndObject();
        }
        gen.writeEndObject();
        JsonFields.nullableString(gen, "window_start",
                retention.windowStart() == null ? null : retention.windowStart().toString());
        JsonFields.nullableString(gen, "window_cve", retention.windowCve());
        JsonFields.nullableString(gen, "window_chain", retention.windowChain());
        if (retention.reachesBack() == null) {
            gen.writeNullField("reaches_back");
        } else {
            gen.writeBooleanField("reaches_back", retention.reachesBack());
        }
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
        JsonFields.stringArray(gen, "addresses", chain.addresses());
        JsonFields.stringArray(gen, "user_agents", chain.userAgents());
        JsonFields.stringArray(gen, "accounts", chain.accounts());
        JsonFields.stringArray(gen, "web_shells", chain.webShells());
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
        writeStages(gen, chain);
        writeSteps(gen, chain);
        gen.writeStringField("summary", chain.summary());
        gen.writeArrayFieldStart("resembles");
        for (Resemblance r : chain.resembles()) {
            gen.writeStartObject();
            gen.writeStringField("group_id", r.groupId());
            gen.writeStringField("group", r.group());
            gen.writeNumberField("score", r.score());
            JsonFields.stringArray(gen, "shared", r.shared());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void writeStages(JsonGenerator gen, ActorChain chain) throws IOException {
        gen.writeArrayFieldStart("stages");
        for (ActorChain.Stage stage : chain.stages()) {
            gen.writeStartObject();
            gen.writeStringField("tactic", stage.tactic());
            JsonFields.time(gen, "first", stage.first());
            JsonFields.time(gen, "last", stage.last());
            gen.writeNumberField("findings", stage.findings());
            JsonFields.stringArray(gen, "techniques", stage.techniques());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static void writeSteps(JsonGenerator gen, ActorChain chain) throws IOException {
        gen.writeArrayFieldStart("steps");
        for (ActorChain.Step step : chain.steps()) {
            gen.writeStartObject();
            JsonFields.time(gen, "time", step.time());
            JsonFields.time(gen, "last", step.last());
            JsonFields.nullableString(gen, "tactic", step.tactic());
            gen.writeStringField("rule_id", step.ruleId());
            gen.writeStringField("title", step.title());
            gen.writeStringField("level", step.level());
            JsonFields.nullableString(gen, "address", step.address());
            JsonFields.nullableString(gen, "target", step.target());
            JsonFields.nullableString(gen, "evidence", step.evidence());
            gen.writeNumberField("count", step.count());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }
}
