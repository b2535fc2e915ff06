package org.exhunt.server.dashboard;

import java.util.List;
import org.exhunt.server.api.UrlPath;
import org.exhunt.server.store.FleetActor;

/** The client addresses of the reports' chains across the fleet, the most widespread first. */
final class ActorsPage {

    private ActorsPage() {
    }

    static String render(List<FleetActor> actors) {
        StringBuilder b = new StringBuilder("<h1>Actors across the fleet</h1>");
        if (actors.isEmpty()) {
            b.append("<p class=\"empty\">No client address in any chain yet.</p>");
            return Html.page("Actors", "actors", true, b.toString());
        }
        b.append("<label class=\"filter\">Filter <input type=\"search\" data-filter=\"actors\" placeholder=\"address or server\"></label>");
        b.append("<div class=\"scroll\"><table id=\"actors\"><thead><tr><th>Address</th><th>Servers touched</th>")
                .append("<th>First seen</th><th>Last seen</th><th>Findings</th></tr></thead><tbody>");
        for (FleetActor a : actors) {
            b.append("<tr><td><code>").append(Html.esc(a.address())).append("</code></td><td>");
            for (int i = 0; i < a.hosts().size(); i++) {
                if (i > 0) b.append(", ");
                String h = a.hosts().get(i);
                b.append("<a href=\"/servers/").append(Html.esc(UrlPath.segment(h))).append("\">").append(Html.esc(h)).append("</a>");
            }
            b.append(" <span class=\"muted\">(").append(a.hosts().size()).append(")</span></td><td>")
                    .append(Html.time(a.first())).append("</td><td>").append(Html.time(a.last()))
                    .append("</td><td class=\"num\">").append(a.findings()).append("</td></tr>");
        }
        b.append("</tbody></table></div>");
        return Html.page("Actors", "actors", true, b.toString());
    }
}
