package org.exhunt.hunt.intel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.hunt.ioc.Ioc;
import org.exhunt.hunt.ioc.IocProblem;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.hunt.ioc.IocType;

/**
 * What a reader gathers from one feed, turned into a {@link Feed} by {@link #build()}: values
 * are normalised and validated by exhunt's own list parser, so a feed's indicator means exactly
 * what the same line in a hand-written list would mean. Values that are skipped for the same
 * reason (MD5 hashes, say) are counted into one problem rather than one per line.
 */
final class FeedDraft {

    /** Problems listed one by one for a feed; the rest are counted in one more. */
    static final int MAX_LISTED_PROBLEMS = 100;
    /** Descriptions longer than this (STIX and MISP ones can be whole articles) are cut. */
    static final int MAX_DESCRIPTION = 300;

    private final String source;
    private final String format;
    private String name;
    private String title;
    private final List<String> tags = new ArrayList<>();
    private final List<RawIndicator> raw = new ArrayList<>();
    private final List<IocProblem> problems = new ArrayList<>();
    /** Values skipped for one reason: how many, and where the first one was. */
    private static final class Tally {
        int count;
        final String where;
        final int line;

        Tally(String where, int line) {
            this.where = where;
            this.line = line;
        }
    }

    /** Reason -> the values skipped for it. */
    private final Map<String, Tally> skipped = new LinkedHashMap<>();

    FeedDraft(String source, String format) {
        this.source = source;
        this.format = format;
        this.name = listName(fileName(source));
    }

    String source() {
        return source;
    }

    /** Names the feed after its own title (a report name, a MISP event's info); the default is the file name. */
    void title(String feedTitle) {
        if (feedTitle != null && !TsvText.oneLine(feedTitle).isEmpty()) this.title = TsvText.oneLine(feedTitle);
    }

    void name(String listName) {
        this.name = listName(listName);
    }

    void tag(String tag) {
        String t = tag.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty() && t.indexOf(' ') < 0 && !tags.contains(t)) tags.add(t);
    }

    void add(Kind kind, String value, String description, String reference, int line, String where) {
        if (value == null || value.isBlank()) {
            problem(line, where + ": empty " + kind.name().toLowerCase(Locale.ROOT) + " value");
            return;
        }
        if (hasControlCharacter(value)) {
            // A line break or tab inside a value (a quoted CSV cell left open, say) makes no
            // indicator that a log or a list line could hold.
            problem(line, where + ": " + kind.name().toLowerCase(Locale.ROOT)
                    + " value holds a line break or another control character");
            return;
        }
        String d = TsvText.oneLine(nz(description));
        if (d.length() > MAX_DESCRIPTION) d = d.substring(0, MAX_DESCRIPTION - 3) + "...";
        String v = IndicatorGuess.refang(value);
        if (kind == Kind.IP || kind == Kind.DOMAIN) v = withoutPort(v);
        raw.add(new RawIndicator(kind, v, d, nz(reference), line, where));
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) return true;
        }
        return false;
    }

    void problem(int line, String reason) {
        // The problem's own line number says it already: "file:12: line 12: ..." reads twice.
        String echo = "line " + line + ": ";
        problems.add(new IocProblem(source, line, line > 0 && reason.startsWith(echo) ? reason.substring(echo.length()) : reason));
    }

    /** Counts a value that is not used, with the reason; reported once per reason. */
    void skip(int line, String where, String reason) {
        skipped.computeIfAbsent(reason, r -> new Tally(where, line)).count++;
    }

    Feed build() {
        List<RawIndicator> usable = new ArrayList<>();
        List<IocType> types = new ArrayList<>();
        for (RawIndicator r : raw) {
            IocType type = r.kind().type();
            String value = r.value();
            if (r.kind() == Kind.URL) {
                String host = UrlHost.of(value);
                if (host == null) {
                    problem(r.line(), r.where() + ": URL '" + value + "' names no host");
                    continue;
                }
                value = host;
                type = IndicatorGuess.isAddress(host) ? IocType.IP : IocType.DOMAIN;
                r = new RawIndicator(r.kind(), value, withUrl(r.description(), r.value()), r.reference(), r.line(), r.where());
            }
            if (type == null) {
                skip(r.line(), r.where(), r.kind().unusedReason());
                continue;
            }
            usable.add(r);
            types.add(type);
        }
        String listTitle = "Indicator from " + format + " feed " + (title != null ? "\"" + title + "\"" : fileName(source));
        // Validate through the list parser: one row per usable value, row i on line HEADER + i.
        StringBuilder tsv = new StringBuilder();
        TsvText.header(tsv, source, format, name, listTitle, tags);
        int headerLines = tsv.toString().split("\n", -1).length - 1;
        for (int i = 0; i < usable.size(); i++) {
            RawIndicator r = usable.get(i);
            TsvText.row(tsv, types.get(i).word(), r.value(), r.description(), r.reference());
        }
        IocSet parsed = IocSet.parse(source, tsv.toString());
        for (IocProblem p : parsed.problems()) {
            int index = p.line() - headerLines - 1;
            // A value repeated in a feed loses nothing: the first one stands for it.
            if (p.reason().startsWith("duplicate of line")) continue;
            if (index < 0 || index >= usable.size()) {
                problem(0, p.reason());
                continue;
            }
            RawIndicator r = usable.get(index);
            problem(r.line(), r.where() + ": " + p.reason());
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (Ioc ioc : parsed.entries()) {
            RawIndicator r = usable.get(ioc.line() - headerLines - 1);
            entries.add(new FeedEntry(ioc.type(), ioc.value(), ioc.description(), ioc.reference(), r.line()));
        }
        for (Map.Entry<String, Tally> s : skipped.entrySet()) {
            Tally t = s.getValue();
            problem(t.line, t.count + " value(s) skipped, the first at " + t.where + ": " + s.getKey());
        }
        if (problems.size() > MAX_LISTED_PROBLEMS) {
            // A file that is no feed at all would otherwise bury the scan's errors under one line per line.
            int more = problems.size() - (MAX_LISTED_PROBLEMS - 1);
            List<IocProblem> kept = new ArrayList<>(problems.subList(0, MAX_LISTED_PROBLEMS - 1));
            kept.add(new IocProblem(source, 0, more + " more problem(s) not listed, the first of them: " + problems.get(MAX_LISTED_PROBLEMS - 1)));
            problems.clear();
            problems.addAll(kept);
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problem(0, "no indicators found in this " + format + " feed");
        }
        return new Feed(source, format, name, listTitle, tags, entries, problems);
    }

    /**
     * {@code 203.0.113.7:443}, {@code [2001:db8::1]:443} and {@code evil.example:8080} name the
     * host and a port; a list entry is the bare host, since a client's port changes per connection.
     */
    static String withoutPort(String value) {
        String v = value.trim();
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            boolean port = close > 0 && (close == v.length() - 1 || v.substring(close + 1).matches(":\\d{1,5}"));
            return port ? v.substring(1, close) : v;
        }
        int colon = v.indexOf(':');
        if (colon > 0 && colon == v.lastIndexOf(':') && v.substring(colon + 1).matches("\\d{1,5}")) return v.substring(0, colon);
        return v;
    }

    private static String withUrl(String description, String url) {
        return description.isEmpty() ? "host of URL " + url : description + " (host of URL " + url + ")";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String fileName(String source) {
        String n = source.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /** A list name from free text: letters, digits, '.', '_' and '-' only, as list names must be. */
    static String listName(String text) {
        String n = text;
        int dot = n.lastIndexOf('.');
        if (dot > 0 && n.length() - dot <= 5) n = n.substring(0, dot);
        n = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("-{2,}", "-");
        n = n.replaceAll("^[^a-z0-9]+", "").replaceAll("[-.]+$", "");
        if (n.length() > 60) n = n.substring(0, 60).replaceAll("[-.]+$", "");
        return n.isEmpty() ? "feed" : n;
    }
}
