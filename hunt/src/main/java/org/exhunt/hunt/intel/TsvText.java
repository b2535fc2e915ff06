package org.exhunt.hunt.intel;

import java.util.List;

/** Writes indicators in exhunt's own tab-separated list format. */
final class TsvText {

    private TsvText() {
    }

    static String write(Feed feed) {
        StringBuilder b = new StringBuilder();
        header(b, feed.source(), feed.format(), feed.name(), feed.title(), feed.tags());
        for (FeedEntry e : feed.entries()) row(b, e.type().word(), e.value(), e.description(), e.reference());
        return b.toString();
    }

    static void header(StringBuilder b, String source, String format, String name, String title, List<String> tags) {
        b.append("# Indicators of ").append(oneLine(format)).append(" feed ").append(oneLine(source)).append('\n');
        b.append("#! name: ").append(name).append('\n');
        b.append("#! title: ").append(oneLine(title)).append('\n');
        if (!tags.isEmpty()) b.append("#! tags: ").append(String.join(" ", tags)).append('\n');
    }

    static void row(StringBuilder b, String type, String value, String description, String reference) {
        b.append(type).append('\t').append(oneLine(value)).append('\t').append(oneLine(description));
        if (!reference.isEmpty()) b.append('\t').append(oneLine(reference));
        b.append('\n');
    }

    /** Tabs and line breaks would split a row: they become spaces. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return b.toString().trim();
    }
}
