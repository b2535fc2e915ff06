package org.exhunt.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.JsonlFindingsWriter;

/**
 * A finding as a Parquet row: the columns one filters on, and the finding exactly as
 * {@code exhunt scan --jsonl} writes it, so both outputs share one schema for the finding itself.
 */
final class FindingRows {

    static final StructType SCHEMA = new StructType()
            .add("host", DataTypes.StringType, true)
            .add("rule_id", DataTypes.StringType, false)
            .add("level", DataTypes.StringType, false)
            .add("engine", DataTypes.StringType, false)
            .add("path", DataTypes.StringType, true)
            .add("line", DataTypes.LongType, false)
            .add("record", DataTypes.LongType, false)
            .add("time", DataTypes.StringType, true)
            .add("jsonl", DataTypes.StringType, false);

    private FindingRows() {
    }

    static Row of(String host, Finding f) {
        var source = f.source();
        return RowFactory.create(host, f.rule().id(), f.level().word(), f.engine(),
                source == null ? null : source.path(),
                source == null ? 0L : source.line(),
                source == null ? 0L : source.record(),
                f.time() == null ? null : f.time().toString(),
                jsonl(f));
    }

    /** The finding's line of {@code --jsonl}, without its line end. */
    static String jsonl(Finding f) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        try (JsonlFindingsWriter writer = new JsonlFindingsWriter(buffer)) {
            writer.write(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write finding " + f.rule().id() + " as JSON", e);
        }
        String line = buffer.toString(StandardCharsets.UTF_8);
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }
}
