package org.exhunt.hunt.report;

import static org.exhunt.hunt.report.HtmlText.escape;

import java.util.List;

/** Whether the server is still open: the build, where it was read, the open CVEs by attack chain. */
final class ExposureSection {

    private ExposureSection() {
    }

    static void write(StringBuilder html, Exposure exposure, List<RemediationItem> steps) {
        html.append("<section id=\"exposure\">\n<h2>Exposure</h2>\n");
        if (exposure.build() == null) {
            html.append("<p>The evidence named no Exchange build, so which flaws are still open is unknown.</p>\n");
        } else {
            html.append("<p>Exchange build <code>").append(escape(exposure.build())).append("</code>");
            if (exposure.source() != null) html.append(" (from ").append(escape(exposure.source())).append(')');
            html.append(".</p>\n");
        }
        if (exposure.cves().isEmpty()) {
            if (exposure.build() != null) html.append("<p>No open CVE that exhunt's build table lists.</p>\n");
        } else {
            html.append("<table class=\"compact\">\n<thead><tr><th>Attack chain</th><th>Open CVEs</th></tr></thead>\n<tbody>\n");
            PatchAdvice.byChain(exposure.cves()).forEach((chain, cves) -> html.append("<tr><td>")
                    .append(escape(chain)).append("</td><td>").append(escape(String.join(", ", cves)))
                    .append("</td></tr>\n"));
            html.append("</tbody></table>\n");
        }
        for (RemediationItem step : steps) {
            if (step.id().equals("patch") && !step.details().isEmpty()) {
                html.append("<p><b>").append(escape(step.title())).append(".</b> ")
                        .append(escape(step.details().get(0))).append("</p>\n");
            }
        }
        html.append("</section>\n");
    }
}
