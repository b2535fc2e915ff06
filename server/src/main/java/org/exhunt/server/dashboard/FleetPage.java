package org.exhunt.server.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.exhunt.server.api.UrlPath;
import org.exhunt.server.store.ServerSummary;
import org.exhunt.server.store.VerdictCounts;

/** The fleet overview: servers counted by verdict, and a table of every server, worst first. */
final class FleetPage {

    private FleetPage() {
    }

    static String render(String tenant, List<ServerSummary> servers) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Fleet of ").append(Html.esc(tenant)).append("</h1>");
        b.append("<section class=\"counts\" aria-label=\"servers by verdict\">");
        for (Map.Entry<String, Integer> e : VerdictCounts.of(servers).entrySet()) {
            b.append("<div class=\"count ").append(Html.esc(cssWord(e.getKey()))).append("\" data-verdict=\"")
                    .append(Html.esc(e.getKey())).append("\"><span class=\"n\">").append(e.getValue())
                    .append("</span><span class=\"label\">").append(Html.esc(e.getKey())).append("</span></div>");
        }
        long exposed = servers.stream().filter(s -> !s.latest().exposureCves().isEmpty()).count();
        b.append("<div class=\"count exposed\"><span class=\"n\">").append(exposed)
                .append("</span><span class=\"label\">still exposed</span></div></section>");
        if (servers.isEmpty()) {
            b.append("<p class=\"empty\">No reports yet. Send one with <code>exhunt scan EVIDENCE --upload URL --token AGENT-TOKEN</code>.</p>");
            return Html.page("Servers", "fleet", true, b.toString());
        }
        List<ServerSummary> sorted = new ArrayList<>(servers);
        sorted.sort(Comparator.comparingInt((ServerSummary s) -> VerdictCounts.rank(s.latest().verdict()))
                .thenComparing(ServerSummary::host, String.CASE_INSENSITIVE_ORDER));
        b.append("<label class=\"filter\">Filter <input type=\"search\" data-filter=\"servers\" placeholder=\"host, verdict, CVE…\"></label>");
        b.append("<div class=\"scroll\"><table id=\"servers\"><thead><tr><th>Server</th><th>Verdict</th><th>Build</th>")
                .append("<th>Still open to</th><th>Last scan</th><th>Findings</th><th>Scans</th></tr></thead><tbody>");
        for (ServerSummary s : sorted) {
            var l = s.latest();
            b.append("<tr data-verdict=\"").append(Html.esc(l.verdict())).append("\"><td><a href=\"/servers/")
                    .append(Html.esc(UrlPath.segment(s.host()))).append("\">").append(Html.esc(s.host())).append("</a></td><td>")
                    .append(Html.verdict(l.verdict())).append("</td><td>").append(l.exposureBuild() == null ? "unknown"
                            : Html.esc(l.exposureBuild())).append("</td><td>")
                    .append(l.exposureCves().isEmpty() ? "—" : Html.esc(String.join(", ", l.exposureCves())))
                    .append("</td><td>").append(Html.time(l.when())).append("</td><td class=\"num\">").append(l.findings())
                    .append("</td><td class=\"num\">").append(s.scans()).append("</td></tr>");
        }
        b.append("</tbody></table></div>");
        return Html.page("Servers", "fleet", true, b.toString());
    }

    private static String cssWord(String verdict) {
        return VerdictCounts.rank(verdict) < VerdictCounts.ORDER.size() ? verdict : "other";
    }
}
