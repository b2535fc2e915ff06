package org.exhunt.hunt.report;

import static org.exhunt.hunt.report.HtmlText.escape;

import java.util.List;
import org.exhunt.hunt.verdict.Retention;

/** What was read: files per status, how far back each kind of log reaches, and every file. */
final class CoverageSection {

    /** Past this many files the table stops; the JSON report lists them all. */
    static final int MAX_FILE_ROWS = 2000;

    private CoverageSection() {
    }

    static void write(StringBuilder html, List<FileCoverage> files, Retention retention) {
        html.append("<section id=\"coverage\">\n<h2>Coverage</h2>\n<div class=\"counts\">\n");
        CoverageTotals.byStatus(files).forEach((status, n) -> html.append("<div class=\"count\"><b>").append(n)
                .append("</b>").append(status).append("</div>\n"));
        html.append("<div class=\"count\"><b>").append(CoverageTotals.events(files)).append("</b>events</div>\n")
                .append("</div>\n");
        if (files.isEmpty()) {
            html.append("<p class=\"note\">No input file was found.</p>\n</section>\n");
            return;
        }
        retention(html, retention);
        html.append("<h3>Files</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th>File</th><th>Kind</th><th>Status</th>")
                .append("<th>Events</th><th>First</th><th>Last</th><th>Reason and warnings</th></tr></thead>\n<tbody>\n");
        int rows = Math.min(files.size(), MAX_FILE_ROWS);
        for (int i = 0; i < rows; i++) row(html, files.get(i));
        html.append("</tbody></table></div>\n");
        if (files.size() > rows) {
            html.append("<p class=\"note\">").append(files.size() - rows)
                    .append(" more files are listed in the JSON report.</p>\n");
        }
        html.append("</section>\n");
    }

    private static void retention(StringBuilder html, Retention retention) {
        if (retention == null || retention.logs().isEmpty()) return;
        html.append("<h3>Retention</h3>\n<p>How far back each kind of log reaches. Logs that begin after an attack")
                .append(" cannot show it; the checklist asks for ").append(Remediation.KEEP_LOG_DAYS).append(" days.");
        if (retention.windowStart() != null) {
            html.append(" Exploitation of ").append(escape(retention.windowCve()));
            if (retention.windowChain() != null) html.append(" (").append(escape(retention.windowChain())).append(')');
            html.append(", open on this build, began on ").append(escape(retention.windowStart().toString()))
                    .append(Boolean.TRUE.equals(retention.reachesBack())
                            ? ": the web logs reach back that far."
                            : ": <b>the web logs begin later</b>, so attacks before they begin cannot be ruled out.");
        }
        html.append("</p>\n<table class=\"compact\">\n<thead><tr><th>Kind</th><th>Files</th>")
                .append("<th>Earliest</th><th>Latest</th><th>Days</th></tr></thead>\n<tbody>\n");
        for (Retention.LogSpan span : retention.logs()) {
            long days = Remediation.days(span);
            html.append("<tr><td>").append(escape(span.kind())).append("</td><td class=\"num\">").append(span.files())
                    .append("</td><td>").append(HtmlText.time(span.earliest())).append("</td><td>")
                    .append(HtmlText.time(span.latest())).append("</td><td class=\"num")
                    .append(days < Remediation.KEEP_LOG_DAYS ? " short" : "").append("\">").append(days)
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void row(StringBuilder html, FileCoverage file) {
        html.append("<tr><td class=\"mono\">").append(escape(file.path())).append("</td><td>").append(escape(file.kind()))
                .append("</td><td class=\"status ").append(escape(file.status())).append("\">").append(escape(file.status()))
                .append("</td><td class=\"num\">").append(file.events()).append("</td><td>")
                .append(HtmlText.time(file.first())).append("</td><td>").append(HtmlText.time(file.last())).append("</td><td>");
        if (file.reason() != null) html.append(escape(file.reason()));
        if (!file.warnings().isEmpty()) {
            html.append("<details><summary>").append(HtmlText.count(file.warnings().size(), "warning"))
                    .append("</summary>");
            file.warnings().forEach(w -> html.append("<div>").append(escape(w)).append("</div>"));
            html.append("</details>");
        }
        html.append("</td></tr>\n");
    }
}
