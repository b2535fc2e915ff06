package org.exhunt.hunt.report;

import static org.exhunt.hunt.report.HtmlText.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.exhunt.hunt.exposure.BuildTable;

/**
 * Writes a {@link ScanReport} as one self-contained HTML page for a manager and a responder alike:
 * the verdict and what to do now on top, then exposure, each actor's story with a timeline chart,
 * the findings with filters, the remediation checklist, coverage and errors.
 *
 * <p>The page references nothing outside itself (it is mailed around and opened from evidence
 * shares offline). Every value from the evidence is escaped: log lines are written by the attacker.
 * A Content-Security-Policy allows only the page's own style sheet and filter script, by hash, so
 * even text that slipped past escaping could run nothing. Without scripts the page is complete;
 * only filtering needs them.
 */
public final class HtmlReportWriter {

    private final BuildTable builds;

    /** A writer whose patch advice reads exhunt's built-in build table. */
    public HtmlReportWriter() {
        this(null);
    }

    /** A writer whose patch advice reads the given build table; {@code null} for the built-in one. */
    public HtmlReportWriter(BuildTable builds) {
        this.builds = builds;
    }

    /** Writes the page in UTF-8 to {@code out}; the stream is flushed, not closed. */
    public void write(ScanReport report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(toHtml(report));
        writer.flush();
    }

    /** The whole page as a string. */
    public String toHtml(ScanReport report) {
        List<RemediationItem> steps = builds == null ? Remediation.of(report) : Remediation.of(report, builds);
        StringBuilder html = new StringBuilder(32_768);
        String verdict = report.judgement().verdict().word();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(HtmlAssets.contentSecurityPolicy()).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(report.toolName())).append(" report: ").append(escape(verdict));
        if (report.scan().host() != null) html.append(" — ").append(escape(report.scan().host()));
        html.append("</title>\n<style>").append(HtmlAssets.CSS).append("</style>\n</head>\n<body>\n<main>\n");
        VerdictSection.write(html, report, steps);
        ExposureSection.write(html, report.exposure(), steps);
        ActorSection.write(html, report.chains());
        FindingsSection.write(html, report.findings());
        RemediationSection.write(html, steps);
        CoverageSection.write(html, report.coverage(), report.retention());
        ErrorsSection.write(html, report.errors());
        html.append("<footer>").append(escape(report.toolName())).append(' ').append(escape(report.toolVersion()))
                .append(" · report schema ").append(ScanReport.SCHEMA_VERSION)
                .append(" · the JSON report holds every detail shown here");
        if (AttackNames.credit() != null) html.append(" · ").append(escape(AttackNames.credit()));
        html.append("</footer>\n</main>\n<script>")
                .append(HtmlAssets.SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }
}
