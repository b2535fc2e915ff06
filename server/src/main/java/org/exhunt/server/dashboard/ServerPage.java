package org.exhunt.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.exhunt.server.store.ScanSummary;

/** One server: the newest verdict and its reasons, exposure, its scans, the chains and a timeline. */
final class ServerPage {

    /** The timeline shows at most this many findings; the whole report is one click away in the API. */
    static final int TIMELINE_LIMIT = 300;

    private ServerPage() {
    }

    static String render(String host, List<ScanSummary> scans, JsonNode latestReport) {
        ScanSummary latest = scans.get(0);
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"/\">← all servers</a></p><h1>").append(Html.esc(host)).append(" ")
                .append(Html.verdict(latest.verdict())).append("</h1>");
        b.append("<section><h2>Why</h2><ul class=\"reasons\">");
        for (JsonNode r : latestReport.path("verdict").path("reasons")) b.append("<li>").append(Html.esc(r.asText())).append("</li>");
        b.append("</ul></section>");
        b.append("<section><h2>Exposure</h2><p>Build: <strong>")
                .append(latest.exposureBuild() == null ? "unknown" : Html.esc(latest.exposureBuild())).append("</strong>");
        String source = latestReport.path("exposure").path("source").asText(null);
        if (source != null) b.append(" <span class=\"muted\">(").append(Html.esc(source)).append(")</span>");
        b.append("</p><p>").append(latest.exposureCves().isEmpty() ? "No open CVE of the known chains on this build (or the build is unknown)."
                : "Still open to: " + Html.esc(String.join(", ", latest.exposureCves()))).append("</p></section>");
        chains(b, latestReport.path("chains"));
        timeline(b, latestReport.path("findings"));
        b.append("<section><h2>Scans</h2><div class=\"scroll\"><table id=\"scans\"><thead><tr><th>Scan</th><th>Verdict</th>")
                .append("<th>Scanned</th><th>Received</th><th>Findings</th><th>Build</th></tr></thead><tbody>");
        for (ScanSummary s : scans) {
            b.append("<tr><td><code>").append(Html.esc(s.id())).append("</code></td><td>").append(Html.verdict(s.verdict()))
                    .append("</td><td>").append(Html.time(s.scanTime())).append("</td><td>").append(Html.time(s.received()))
                    .append("</td><td class=\"num\">").append(s.findings()).append("</td><td>")
                    .append(s.exposureBuild() == null ? "unknown" : Html.esc(s.exposureBuild())).append("</td></tr>");
        }
        b.append("</tbody></table></div></section>");
        return Html.page(host, null, true, b.toString());
    }

    private static void chains(StringBuilder b, JsonNode chains) {
        b.append("<section><h2>Chains</h2>");
        if (chains.isEmpty()) {
            b.append("<p class=\"empty\">No findings, so no chains.</p></section>");
            return;
        }
        b.append("<div class=\"scroll\"><table id=\"chains\"><thead><tr><th>Actor</th><th>First</th><th>Last</th>")
                .append("<th>Findings</th><th>Levels</th><th>CVEs</th><th>Tactics</th></tr></thead><tbody>");
        for (JsonNode c : chains) {
            List<String> addresses = new ArrayList<>();
            c.path("addresses").forEach(a -> addresses.add(a.asText()));
            if (addresses.isEmpty() && c.path("actor").isTextual()) addresses.add(c.path("actor").asText());
            List<String> levels = new ArrayList<>();
            c.path("levels").fields().forEachRemaining(e -> levels.add(e.getKey() + " " + e.getValue().asText()));
            b.append("<tr><td><code>").append(addresses.isEmpty() ? "no address" : Html.esc(String.join(", ", addresses)))
                    .append("</code></td><td>").append(Html.esc(c.path("first").asText("—"))).append("</td><td>")
                    .append(Html.esc(c.path("last").asText("—"))).append("</td><td class=\"num\">")
                    .append(c.path("findings").asInt()).append("</td><td>").append(Html.esc(String.join(", ", levels)))
                    .append("</td><td>").append(Html.esc(join(c.path("cves")))).append("</td><td>")
                    .append(Html.esc(join(c.path("tactics")))).append("</td></tr>");
        }
        b.append("</tbody></table></div></section>");
    }

    private static void timeline(StringBuilder b, JsonNode findings) {
        b.append("<section><h2>Timeline</h2>");
        List<JsonNode> timed = new ArrayList<>();
        findings.forEach(f -> {
            if (f.path("time").isTextual()) timed.add(f);
        });
        if (timed.isEmpty()) {
            b.append("<p class=\"empty\">No dated findings.</p></section>");
            return;
        }
        timed.sort(Comparator.comparing(f -> f.path("time").asText()));
        b.append("<ol class=\"timeline\">");
        for (JsonNode f : timed.subList(0, Math.min(TIMELINE_LIMIT, timed.size()))) {
            String level = f.path("rule").path("level").asText("");
            b.append("<li class=\"level-").append(Html.esc(level.replaceAll("[^a-z]", ""))).append("\"><time>")
                    .append(Html.esc(f.path("time").asText())).append("</time> <strong>").append(Html.esc(level))
                    .append("</strong> ").append(Html.esc(f.path("rule").path("title").asText()));
            String ip = f.path("actor").path("ip").asText(null);
            if (ip != null) b.append(" <span class=\"muted\">from</span> <code>").append(Html.esc(ip)).append("</code>");
            b.append(" <span class=\"muted\">").append(Html.esc(f.path("source").path("path").asText()));
            if (f.path("source").has("line")) b.append(":").append(f.path("source").path("line").asLong());
            b.append("</span></li>");
        }
        b.append("</ol>");
        if (timed.size() > TIMELINE_LIMIT) {
            b.append("<p class=\"muted\">").append(timed.size() - TIMELINE_LIMIT)
                    .append(" later findings are in the full report (API: /api/v1/scans/ID).</p>");
        }
        b.append("</section>");
    }

    private static String join(JsonNode array) {
        List<String> s = new ArrayList<>();
        array.forEach(x -> s.add(x.asText()));
        return String.join(", ", s);
    }
}
