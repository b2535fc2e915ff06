package org.exhunt.server.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Escaping and the page frame. Everything shown comes from uploaded reports, which carry
 * attacker-controlled text (paths, user agents, host names): it is escaped, always.
 */
final class Html {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') b.append('\uFFFD');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    static String time(Instant t) {
        return t == null ? "—" : SHOWN.format(t);
    }

    static String verdict(String v) {
        String css = switch (v == null ? "" : v) {
            case "compromised", "attempted", "inconclusive", "clean" -> v;
            default -> "other";
        };
        return "<span class=\"verdict " + css + "\">" + esc(v) + "</span>";
    }

    /**
     * @param active which menu entry to mark: {@code fleet} or {@code actors}, or null
     */
    static String page(String title, String active, boolean signedIn, String body) {
        StringBuilder b = new StringBuilder(body.length() + 1500);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" · exhunt fleet</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\">")
                .append("<script src=\"/assets/dashboard.js\" defer></script></head><body>")
                .append("<header><a class=\"brand\" href=\"/\">exhunt fleet</a>");
        if (signedIn) {
            b.append("<nav><a href=\"/\"").append("fleet".equals(active) ? " aria-current=\"page\"" : "")
                    .append(">Servers</a><a href=\"/actors\"").append("actors".equals(active) ? " aria-current=\"page\"" : "")
                    .append(">Actors</a><form method=\"post\" action=\"/logout\"><button type=\"submit\">Sign out</button></form></nav>");
        }
        b.append("</header><main>").append(body).append("</main></body></html>\n");
        return b.toString();
    }
}
