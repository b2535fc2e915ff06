package org.exhunt.hunt.report;

import static org.exhunt.hunt.report.HtmlText.escape;

import java.util.List;

/** Problems of the scan that are not findings: rules that would not load, inputs that could not be read. */
final class ErrorsSection {

    private ErrorsSection() {
    }

    static void write(StringBuilder html, List<ScanError> errors) {
        if (errors.isEmpty()) return;
        html.append("<section id=\"errors\">\n<h2>Errors</h2>\n<ul>\n");
        for (ScanError error : errors) {
            html.append("<li><code>").append(escape(error.source())).append("</code> ").append(escape(error.message()))
                    .append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }
}
