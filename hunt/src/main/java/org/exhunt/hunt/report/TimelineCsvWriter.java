package org.exhunt.hunt.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.finding.Finding;

/**
 * Writes the findings as a Timesketch timeline: CSV with the three columns Timesketch needs
 * ({@code message}, {@code datetime} in ISO 8601 UTC, {@code timestamp_desc}), the optional
 * {@code timestamp} in microseconds, then the finding's fields for searching and grouping.
 *
 * <p>A timeline needs a time on every row: findings without one (files found on disk) are left
 * out and counted in the result; the JSON report keeps them. Cells follow RFC 4180 (CRLF line ends,
 * quotes doubled inside quoted cells); text from the evidence that starts with {@code = + - @} is
 * prefixed with {@code '} because responders open such files in spreadsheets, which would run it.
 *
 * <pre>{@code
 * TimelineCsvWriter.Written w = new TimelineCsvWriter().write(report, out);
 * if (w.undated() > 0) log(w.undated() + " findings without a time are not in the timeline");
 * }</pre>
 */
public final class TimelineCsvWriter {

    /** The header, in column order. */
    public static final List<String> COLUMNS = List.of("message", "datetime", "timestamp_desc", "timestamp",
            "rule_id", "rule_title", "level", "engine", "tags", "source_file", "source_line", "source_record",
            "client_ip", "user", "user_agent", "actor", "tactic");

    /** What every row's time is: the moment the log recorded the event the finding is about. */
    public static final String TIMESTAMP_DESC = "Event Recorded";

    /**
     * What was written.
     *
     * @param rows    findings written, one row each
     * @param undated findings left out because they have no time
     */
    public record Written(long rows, long undated) {
    }

    /** Writes the timeline in UTF-8 to {@code out}; the stream is flushed, not closed. */
    public Written write(ScanReport report, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(String.join(",", COLUMNS));
        w.write("\r\n");
        Map<String, String> actorOf = actors(report.chains());
        long rows = 0;
        long undated = 0;
        StringBuilder line = new StringBuilder(512);
        for (Finding f : report.findings()) {
            if (f.time() == null) {
                undated++;
                continue;
            }
            line.setLength(0);
            row(line, f, actorOf);
            w.write(line.toString());
            rows++;
        }
        w.flush();
        return new Written(rows, undated);
    }

    private static void row(StringBuilder line, Finding f, Map<String, String> actorOf) {
        String ip = f.actor() == null ? null : f.actor().ip();
        String tactic = null;
        for (String tag : f.rule().tags()) {
            tactic = Tags.tactic(tag);
            if (tactic != null) break;
        }
        cell(line, CsvCells.text(message(f, ip)));
        cell(line, CsvCells.plain(f.time().toString()));
        cell(line, CsvCells.plain(TIMESTAMP_DESC));
        cell(line, CsvCells.plain(Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, f.time()))));
        cell(line, CsvCells.text(f.rule().id()));
        cell(line, CsvCells.text(f.rule().title()));
        cell(line, CsvCells.plain(f.level().word()));
        cell(line, CsvCells.text(f.engine()));
        cell(line, CsvCells.text(String.join(" ", f.rule().tags())));
        cell(line, CsvCells.text(f.source() == null ? null : f.source().path()));
        cell(line, CsvCells.plain(f.source() == null || f.source().line() < 0 ? "" : Long.toString(f.source().line())));
        cell(line, CsvCells.plain(f.source() == null || f.source().record() < 0 ? "" : Long.toString(f.source().record())));
        cell(line, CsvCells.text(ip));
        cell(line, CsvCells.text(f.actor() == null ? null : f.actor().user()));
        cell(line, CsvCells.text(f.actor() == null ? null : f.actor().userAgent()));
        cell(line, CsvCells.text(ip == null ? null : actorOf.get(ip)));
        line.append(CsvCells.plain(tactic)).append("\r\n");
    }

    private static void cell(StringBuilder line, String cell) {
        line.append(cell).append(',');
    }

    /** The rule's title, who did it, and what to: the line a timeline reader scans down. */
    private static String message(Finding f, String ip) {
        StringBuilder m = new StringBuilder("[").append(f.level().word()).append("] ").append(f.rule().title());
        if (ip != null) m.append(" from ").append(ip);
        String target = FindingText.field(f, "cs-uri-stem", "TargetFilename", "CommandLine", "S:CMD");
        if (target != null) m.append(": ").append(target);
        return m.toString();
    }

    /** Each client address to the main address of the actor it belongs to. */
    private static Map<String, String> actors(List<ActorChain> chains) {
        Map<String, String> actorOf = new HashMap<>();
        for (ActorChain chain : chains) {
            if (chain.actor() == null) continue;
            actorOf.putIfAbsent(chain.actor(), chain.actor());
            for (String address : chain.addresses()) actorOf.putIfAbsent(address, chain.actor());
        }
        return actorOf;
    }
}
