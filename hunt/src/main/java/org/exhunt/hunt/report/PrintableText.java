package org.exhunt.hunt.report;

/**
 * Makes evidence text safe to show: log values are attacker-controlled, and a raw escape or control
 * character could rewrite a terminal or hide text. Control characters (other than tab) become a
 * visible {@code \xNN} or {@code \\uNNNN}, so the reader still sees that they were there.
 */
final class PrintableText {

    private PrintableText() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069');
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (control) {
                out.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
