package org.exhunt.hunt.report;

import static org.exhunt.hunt.report.HtmlText.escape;

import java.util.List;

/** The checklist: each step with a box to tick, why it is there, and its particulars. */
final class RemediationSection {

    private RemediationSection() {
    }

    static void write(StringBuilder html, List<RemediationItem> steps) {
        html.append("<section id=\"remediation\">\n<h2>Remediation checklist</h2>\n<ol class=\"checklist\">\n");
        for (RemediationItem step : steps) {
            html.append("<li id=\"step-").append(escape(step.id())).append("\"><label><input type=\"checkbox\"> <b>")
                    .append(escape(step.title())).append("</b></label>\n<p>").append(escape(step.why())).append("</p>\n");
            if (!step.details().isEmpty()) {
                html.append("<ul>\n");
                for (String detail : step.details()) html.append("<li>").append(escape(detail)).append("</li>\n");
                html.append("</ul>\n");
            }
            html.append("</li>\n");
        }
        html.append("</ol>\n</section>\n");
    }
}
