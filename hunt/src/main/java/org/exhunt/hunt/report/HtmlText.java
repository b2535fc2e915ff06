package org.exhunt.hunt.report;

import java.time.Instant;

/** Escapes text for HTML element content and quoted attribute values alike. */
final class HtmlText {

    private HtmlText() {
    }

    /** Evidence or any other text, made printable and escaped; {@code null} becomes empty. */
    static String escape(String text) {
        String printable = PrintableText.of(text);
        StringBuilder out = new StringBuilder(printable.length() + 16);
        for (int i = 0; i < printable.length(); i++) {
            char c = printable.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An instant as ISO 8601 UTC, escaped (it is ours, but one rule for all text is easier to check); empty for none. */
    static String time(Instant time) {
        return time == null ? "" : escape(time.toString());
    }

    /** A count with its noun, singular for one: {@code 1 finding}, {@code 3 findings}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
