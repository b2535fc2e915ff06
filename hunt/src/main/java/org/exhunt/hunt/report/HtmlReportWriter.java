package org.exhunt.hunt.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;

/**
 * Writes a {@link ScanReport} as one self-contained HTML page: styles inline, no scripts, no
 * external assets, so it can be mailed to a responder or opened from an evidence share offline.
 * Every value from the evidence is escaped: log lines are written by the attacker.
 */
public final class HtmlReportWriter {

    /** Beyond this the page gets slow to open; the JSON report always holds every finding. */
    static final int MAX_TIMELINE_ROWS = 5000;
    private static final String CSS = loadCss();

    /** Writes the page in UTF-8 to {@code out}; the stream is flushed, not closed. */
    public void write(ScanReport report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(toHtml(report));
        writer.flush();
    }

    /** The whole page as a string. */
    public String toHtml(ScanReport report) {
        StringBuilder html = new StringBuilder(16_384);
        String verdict = report.judgement().verdict().word();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e(report.toolName())).append(" report: ").append(e(verdict));
        if (report.scan().host() != null) html.append(" — ").append(e(report.scan().host()));
        html.append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(html, report);
        banner(html, report);
        exposure(html, report.exposure());
        byLevel(html, report.findings());
        byActor(html, report.chains());
        timeline(html, report.findings());
        coverage(html, report.coverage());
        errors(html, report.errors());
        html.append("<footer>").append(e(report.toolName())).append(' ').append(e(report.toolVersion()))
                .append(" · report schema ").append(ScanReport.SCHEMA_VERSION)
                .append(" · the JSON report holds every detail shown here</footer>\n");
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, ScanReport report) {
        ScanInfo scan = report.scan();
        html.append("<h1>Exchange compromise assessment");
        if (scan.host() != null) html.append(": ").append(e(scan.host()));
        html.append("</h1>\n<p class=\"meta\">");
        meta(html, "Scan", scan.id());
        meta(html, "Started", time(scan.started()));
        meta(html, "Finished", time(scan.finished()));
        meta(html, "Events", Long.toString(scan.events()));
        if (!scan.rules().isEmpty()) {
            List<String> rules = new ArrayList<>();
            scan.rules().forEach((engine, n) -> rules.add(engine + " " + n));
            meta(html, "Rules", String.join(", ", rules));
        }
        if (scan.since() != null || scan.until() != null) {
            meta(html, "Window", time(scan.since()) + " to " + time(scan.until()));
        }
        meta(html, "Inputs", String.join(", ", scan.inputs()));
        html.append("</p>\n");
    }

    private static void meta(StringBuilder html, String name, String value) {
        if (value == null || value.isEmpty()) return;
        html.append("<span><b>").append(name).append(":</b> ").append(e(value)).append("</span>");
    }

    private static void banner(StringBuilder html, ScanReport report) {
        String word = report.judgement().verdict().word();
        html.append("<section class=\"banner ").append(word).append("\">\n<div class=\"word\">")
                .append(word).append("</div>\n<ul>\n");
        for (String reason : report.judgement().reasons()) {
            html.append("<li>").append(e(reason)).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static void exposure(StringBuilder html, Exposure exposure) {
        if (exposure.build() == null && exposure.cves().isEmpty()) return;
        html.append("<h2>Exposure</h2>\n<p>");
        if (exposure.build() != null) {
            html.append("Exchange build <code>").append(e(exposure.build())).append("</code>");
            if (exposure.source() != null) html.append(" (from ").append(e(exposure.source())).append(')');
            html.append(". ");
        }
        html.append(exposure.cves().isEmpty() ? "No known vulnerable CVE for this build."
                : "Still vulnerable to: " + e(String.join(", ", exposure.cves())) + ".");
        html.append("</p>\n");
    }

    private static void byLevel(StringBuilder html, List<Finding> findings) {
        html.append("<h2>Findings by level</h2>\n<div class=\"counts\">\n");
        LevelCounts.of(findings).forEach((level, n) -> html.append("<div class=\"count\"><b class=\"level ")
                .append(level.word()).append("\">").append(n).append("</b>").append(level.word()).append("</div>\n"));
        html.append("</div>\n");
        if (findings.isEmpty()) return;
        // One row per rule: the quickest way to see what kinds of thing were found.
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byRule.computeIfAbsent(finding.rule().id(), id -> new ArrayList<>()).add(finding);
        }
        List<List<Finding>> groups = new ArrayList<>(byRule.values());
        groups.sort(Comparator.<List<Finding>, Level>comparing(g -> g.get(0).level()).reversed()
                .thenComparing(Comparator.<List<Finding>>comparingInt(List::size).reversed())
                .thenComparing(g -> g.get(0).rule().id()));
        html.append("<div class=\"scroll\"><table>\n<thead><tr><th>Level</th><th>Rule</th><th>Findings</th>")
                .append("<th>First</th><th>Last</th><th class=\"hide-narrow\">Tags</th></tr></thead>\n<tbody>\n");
        for (List<Finding> group : groups) {
            Finding sample = group.get(0);
            Instant first = null, last = null;
            for (Finding f : group) {
                if (f.time() == null) continue;
                if (first == null || f.time().isBefore(first)) first = f.time();
                if (last == null || f.time().isAfter(last)) last = f.time();
            }
            html.append("<tr>");
            levelCell(html, sample.level());
            html.append("<td>").append(e(sample.rule().title())).append("<br><code>").append(e(sample.rule().id()))
                    .append("</code></td><td class=\"num\">").append(group.size()).append("</td><td>")
                    .append(e(time(first))).append("</td><td>").append(e(time(last)))
                    .append("</td><td class=\"hide-narrow\"><code>").append(e(String.join(" ", sample.rule().tags())))
                    .append("</code></td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private static void byActor(StringBuilder html, List<ActorChain> chains) {
        if (chains.isEmpty()) return;
        html.append("<h2>Findings by client address</h2>\n<div class=\"scroll\"><table>\n<thead><tr>")
                .append("<th>Address</th><th>Findings</th><th>Levels</th><th>First</th><th>Last</th>")
                .append("<th>CVEs</th><th class=\"hide-narrow\">Tactics</th><th class=\"hide-narrow\">Rules</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (ActorChain chain : chains) {
            List<String> levels = new ArrayList<>();
            chain.levels().forEach((level, n) -> levels.add(n + " " + level));
            List<String> rules = new ArrayList<>();
            chain.rules().forEach(rule -> rules.add(rule.count() + "× " + rule.title()));
            html.append("<tr><td class=\"mono\">").append(chain.actor() == null ? "(none)" : e(chain.actor()))
                    .append("</td><td class=\"num\">").append(chain.findings()).append("</td><td>")
                    .append(e(String.join(", ", levels))).append("</td><td>").append(e(time(chain.first())))
                    .append("</td><td>").append(e(time(chain.last()))).append("</td><td>")
                    .append(e(String.join(", ", chain.cves()))).append("</td><td class=\"hide-narrow\">")
                    .append(e(String.join(", ", chain.tactics()))).append("</td><td class=\"hide-narrow\">")
                    .append(e(String.join("; ", rules))).append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private static void timeline(StringBuilder html, List<Finding> findings) {
        if (findings.isEmpty()) return;
        html.append("<h2>Timeline</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Time</th><th>Level</th>")
                .append("<th>Rule</th><th>Source</th><th>Client</th><th class=\"hide-narrow\">User agent</th>")
                .append("<th>Matched</th></tr></thead>\n<tbody>\n");
        int rows = Math.min(findings.size(), MAX_TIMELINE_ROWS);
        for (int i = 0; i < rows; i++) {
            Finding f = findings.get(i);
            html.append("<tr><td>").append(e(time(f.time()))).append("</td>");
            levelCell(html, f.level());
            html.append("<td>").append(e(f.rule().title())).append("<br><span class=\"meta\">")
                    .append(e(f.engine())).append("</span></td><td class=\"mono\">")
                    .append(e(f.source() == null ? "" : f.source().toString())).append("</td><td class=\"mono\">");
            if (f.actor() != null) {
                html.append(e(f.actor().ip()));
                if (f.actor().user() != null) html.append("<br>").append(e(f.actor().user()));
            }
            html.append("</td><td class=\"mono hide-narrow\">")
                    .append(e(f.actor() == null ? null : f.actor().userAgent())).append("</td><td>");
            matched(html, f.matched());
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
        if (findings.size() > rows) {
            html.append("<p class=\"note\">… ").append(findings.size() - rows)
                    .append(" more findings are in the JSON report.</p>\n");
        }
    }

    private static void matched(StringBuilder html, Map<String, Object> matched) {
        if (matched.isEmpty()) return;
        html.append("<details><summary>").append(matched.size()).append(matched.size() == 1 ? " field" : " fields")
                .append("</summary>");
        matched.forEach((name, value) -> html.append("<div><code>").append(e(name)).append(" = ")
                .append(e(DisplayValue.of(value))).append("</code></div>"));
        html.append("</details>");
    }

    private static void coverage(StringBuilder html, List<FileCoverage> files) {
        html.append("<h2>Coverage</h2>\n<div class=\"counts\">\n");
        CoverageTotals.byStatus(files).forEach((status, n) -> html.append("<div class=\"count\"><b>").append(n)
                .append("</b>").append(status).append("</div>\n"));
        html.append("<div class=\"count\"><b>").append(CoverageTotals.events(files)).append("</b>events</div>\n")
                .append("</div>\n");
        if (files.isEmpty()) {
            html.append("<p class=\"note\">No input file was found.</p>\n");
            return;
        }
        html.append("<div class=\"scroll\"><table>\n<thead><tr><th>File</th><th>Kind</th><th>Status</th>")
                .append("<th>Events</th><th>First</th><th>Last</th><th>Reason and warnings</th></tr></thead>\n<tbody>\n");
        for (FileCoverage file : files) {
            html.append("<tr><td class=\"mono\">").append(e(file.path())).append("</td><td>").append(e(file.kind()))
                    .append("</td><td class=\"status ").append(e(file.status())).append("\">").append(e(file.status()))
                    .append("</td><td class=\"num\">").append(file.events()).append("</td><td>")
                    .append(e(time(file.first()))).append("</td><td>").append(e(time(file.last()))).append("</td><td>");
            if (file.reason() != null) html.append(e(file.reason()));
            if (!file.warnings().isEmpty()) {
                html.append("<details><summary>").append(file.warnings().size())
                        .append(file.warnings().size() == 1 ? " warning" : " warnings").append("</summary>");
                file.warnings().forEach(w -> html.append("<div>").append(e(w)).append("</div>"));
                html.append("</details>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private static void errors(StringBuilder html, List<ScanError> errors) {
        if (errors.isEmpty()) return;
        html.append("<h2>Errors</h2>\n<ul>\n");
        for (ScanError error : errors) {
            html.append("<li><code>").append(e(error.source())).append("</code> ").append(e(error.message()))
                    .append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static void levelCell(StringBuilder html, Level level) {
        html.append("<td class=\"level ").append(level.word()).append("\">").append(level.word()).append("</td>");
    }

    private static String time(Instant time) {
        return time == null ? "" : time.toString();
    }

    private static String e(String text) {
        return HtmlText.escape(text);
    }

    private static String loadCss() {
        String name = "report.css";
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("HTML report style sheet " + name
                        + " is missing from the classpath next to " + HtmlReportWriter.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("reading the HTML report style sheet " + name, ex);
        }
    }
}
