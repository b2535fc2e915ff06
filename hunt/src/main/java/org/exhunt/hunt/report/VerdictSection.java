package org.exhunt.hunt.report;

import static org.exhunt.hunt.report.HtmlText.escape;

import java.util.ArrayList;
import java.util.List;

/**
 * The top of the page, for the reader who reads nothing else: which server, the verdict in one
 * word with its reasons, and the first things to do.
 */
final class VerdictSection {

    /** The manager's view names this many steps; the checklist below holds them all. */
    static final int NOW_STEPS = 4;

    private VerdictSection() {
    }

    static void write(StringBuilder html, ScanReport report, List<RemediationItem> steps) {
        ScanInfo scan = report.scan();
        html.append("<header>\n<h1>Exchange compromise assessment");
        if (scan.host() != null) html.append(": ").append(escape(scan.host()));
        html.append("</h1>\n<p class=\"meta\">");
        meta(html, "Scan", scan.id());
        meta(html, "Started", HtmlText.time(scan.started()));
        meta(html, "Finished", HtmlText.time(scan.finished()));
        meta(html, "Events", Long.toString(scan.events()));
        if (!scan.rules().isEmpty()) {
            List<String> rules = new ArrayList<>();
            scan.rules().forEach((engine, n) -> rules.add(escape(engine) + " " + n));
            meta(html, "Rules", String.join(", ", rules));
        }
        if (scan.since() != null || scan.until() != null) {
            meta(html, "Window", HtmlText.time(scan.since()) + " to " + HtmlText.time(scan.until()));
        }
        List<String> inputs = new ArrayList<>();
        scan.inputs().forEach(i -> inputs.add(escape(i)));
        meta(html, "Inputs", String.join(", ", inputs));
        html.append("</p>\n</header>\n");

        String word = report.judgement().verdict().word();
        html.append("<section class=\"banner ").append(word).append("\" id=\"verdict\">\n<div class=\"word\">")
                .append(word).append("</div>\n<ul>\n");
        for (String reason : report.judgement().reasons()) {
            html.append("<li>").append(escape(reason)).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");

        html.append("<section class=\"now\" id=\"now\">\n<h2>What to do now</h2>\n<ol>\n");
        for (int i = 0; i < steps.size() && i < NOW_STEPS; i++) {
            RemediationItem step = steps.get(i);
            html.append("<li><a href=\"#step-").append(escape(step.id())).append("\">").append(escape(step.title()))
                    .append("</a></li>\n");
        }
        html.append("</ol>\n");
        if (steps.size() > NOW_STEPS) {
            html.append("<p class=\"note\">").append(steps.size() - NOW_STEPS)
                    .append(" more in the <a href=\"#remediation\">remediation checklist</a>.</p>\n");
        }
        html.append("</section>\n");
    }

    /** Writes a name and a value that is already escaped. */
    private static void meta(StringBuilder html, String name, String escapedValue) {
        if (escapedValue == null || escapedValue.isEmpty()) return;
        html.append("<span><b>").append(name).append(":</b> ").append(escapedValue).append("</span>");
    }
}
