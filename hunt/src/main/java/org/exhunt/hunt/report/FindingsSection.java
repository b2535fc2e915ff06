package org.exhunt.hunt.report;

import static org.exhunt.hunt.report.HtmlText.escape;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;

/**
 * Every finding in report order, with the data the page's filter script reads (level, engine,
 * rule, address) on each row. The filter form stays hidden until the script shows it, so a reader
 * without scripts sees the whole table and no controls that do nothing.
 */
final class FindingsSection {

    /** Beyond this the page gets slow to open; the JSON report always holds every finding. */
    static final int MAX_ROWS = 5000;
    /** The rule filter lists at most this many rules; the text filter still finds the others. */
    static final int MAX_RULE_OPTIONS = 500;

    private FindingsSection() {
    }

    static void write(StringBuilder html, List<Finding> findings) {
        html.append("<section id=\"findings-section\">\n<h2>Findings</h2>\n<div class=\"counts\">\n");
        LevelCounts.of(findings).forEach((level, n) -> html.append("<div class=\"count\"><b class=\"level ")
                .append(level.word()).append("\">").append(n).append("</b>").append(level.word()).append("</div>\n"));
        html.append("</div>\n");
        if (findings.isEmpty()) {
            html.append("<p class=\"note\">No rule matched.</p>\n</section>\n");
            return;
        }
        int rows = Math.min(findings.size(), MAX_ROWS);
        filters(html, findings.subList(0, rows));
        html.append("<div class=\"scroll\"><table id=\"findings\">\n<thead><tr><th>Time</th><th>Level</th><th>Rule</th>")
                .append("<th>Evidence</th><th>Client</th><th class=\"hide-narrow\">User agent</th><th>Matched</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < rows; i++) row(html, findings.get(i));
        html.append("</tbody></table></div>\n");
        if (findings.size() > rows) {
            html.append("<p class=\"note\">The table stops at ").append(rows).append(" findings; ")
                    .append(findings.size() - rows).append(" more are in the JSON report.</p>\n");
        }
        html.append("</section>\n");
    }

    private static void filters(StringBuilder html, List<Finding> shown) {
        TreeSet<String> engines = new TreeSet<>();
        Map<String, String> rules = new TreeMap<>();
        for (Finding f : shown) {
            engines.add(f.engine() == null ? "" : f.engine());
            rules.putIfAbsent(f.rule().title() + "\u0000" + f.rule().id(), f.rule().id());
        }
        html.append("<form id=\"filters\" class=\"filters\" hidden>\n<label>Level at least <select name=\"level\">")
                .append("<option value=\"\">any</option>");
        Level[] levels = Level.values();
        for (int i = levels.length - 1; i >= 0; i--) {
            html.append("<option>").append(levels[i].word()).append("</option>");
        }
        html.append("</select></label>\n<label>Engine <select name=\"engine\"><option value=\"\">any</option>");
        for (String engine : engines) html.append("<option>").append(escape(engine)).append("</option>");
        html.append("</select></label>\n<label>Rule <select name=\"rule\"><option value=\"\">any</option>");
        int n = 0;
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            if (n++ == MAX_RULE_OPTIONS) break;
            String title = rule.getKey().substring(0, rule.getKey().indexOf('\u0000'));
            html.append("<option value=\"").append(escape(rule.getValue())).append("\">").append(escape(title))
                    .append("</option>");
        }
        html.append("</select></label>\n<label>Address <input name=\"address\" type=\"search\"></label>\n")
                .append("<label>Text <input name=\"q\" type=\"search\"></label>\n")
                .append("<button type=\"reset\">Clear</button>\n<output id=\"filter-count\"></output>\n</form>\n");
    }

    private static void row(StringBuilder html, Finding f) {
        String address = f.actor() == null ? null : f.actor().ip();
        html.append("<tr data-level=\"").append(f.level().word()).append("\" data-engine=\"").append(escape(f.engine()))
                .append("\" data-rule=\"").append(escape(f.rule().id())).append("\" data-address=\"")
                .append(escape(address)).append("\"><td class=\"when\">").append(HtmlText.time(f.time())).append("</td>")
                .append("<td class=\"level ").append(f.level().word()).append("\">").append(f.level().word())
                .append("</td><td>").append(escape(f.rule().title())).append("<br><span class=\"meta\">")
                .append(escape(f.engine())).append(" · <code>").append(escape(f.rule().id()))
                .append("</code></span></td><td class=\"mono\">")
                .append(escape(f.source() == null ? "" : f.source().toString())).append("</td><td class=\"mono addr\">");
        if (f.actor() != null) {
            html.append(escape(address));
            if (f.actor().user() != null) html.append("<br>").append(escape(f.actor().user()));
        }
        html.append("</td><td class=\"mono hide-narrow\">")
                .append(escape(f.actor() == null ? null : f.actor().userAgent())).append("</td><td>");
        matched(html, f.matched());
        html.append("</td></tr>\n");
    }

    private static void matched(StringBuilder html, Map<String, Object> matched) {
        if (matched.isEmpty()) return;
        html.append("<details><summary>").append(HtmlText.count(matched.size(), "field")).append("</summary>");
        matched.forEach((name, value) -> html.append("<div><code>").append(escape(name)).append(" = ")
                .append(escape(DisplayValue.of(value))).append("</code></div>"));
        html.append("</details>");
    }
}
