package org.exhunt.hunt.report;

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
}
