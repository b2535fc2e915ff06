package org.exhunt.hunt.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.exhunt.hunt.finding.Finding;

/**
 * Writes findings as JSON Lines: one compact JSON object per line, in the same shape as the
 * report's {@code findings[]} entries. Suited to streaming into Timesketch, a SIEM or {@code jq}.
 * Findings can be written one at a time as they come, or a whole report at once.
 */
public final class JsonlFindingsWriter implements Closeable, Flushable {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonGenerator gen;

    /** Writes to {@code out} in UTF-8; closing this writer does not close {@code out}. */
    public JsonlFindingsWriter(OutputStream out) throws IOException {
        this.gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // Jackson puts a space between root values by default; each line end is written by write() instead.
        gen.setPrettyPrinter(new MinimalPrettyPrinter(""));
    }

    /**
     * Writes every finding of the report, in report order, each followed by a line end; rendered on
     * as many threads as the scan used (at most one per core), in parts written in order.
     */
    public static void write(ScanReport report, OutputStream out) throws IOException {
        write(report.findings(), out, FindingParts.threadsFor(report), FindingParts.PART_SIZE);
    }

    static void write(List<Finding> findings, OutputStream out, int threads, int partSize) throws IOException {
        if (threads <= 1) {
            try (JsonlFindingsWriter writer = new JsonlFindingsWriter(out)) {
                for (Finding finding : findings) {
                    writer.write(finding);
                }
            }
            return;
        }
        // Lines stand alone: a part's lines are the bytes one writer would give them.
        FindingParts.render(findings, threads, partSize, JsonlFindingsWriter::renderPart, out::write);
        out.flush();
    }

    private static byte[] renderPart(List<Finding> part) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        try (JsonlFindingsWriter writer = new JsonlFindingsWriter(buffer)) {
            for (Finding finding : part) {
                writer.write(finding);
            }
        }
        return buffer.toByteArray();
    }

    public void write(Finding finding) throws IOException {
        JsonFields.finding(gen, finding);
        gen.writeRaw('\n');
    }

    @Override
    public void flush() throws IOException {
        gen.flush();
    }

    @Override
    public void close() throws IOException {
        gen.close();
    }
}
