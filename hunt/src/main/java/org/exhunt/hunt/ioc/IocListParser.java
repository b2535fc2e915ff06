package org.exhunt.hunt.ioc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one IOC list in exhunt's line format (see docs/rules.md, "IOC lists"):
 * <pre>
 * #! name: hafnium-2021-ips
 * #! title: Address used in the 2021 Exchange exploitation campaign
 * #! tags: attack.initial-access attack.t1190 cve.2021-26855
 * # any other line starting with # is a comment
 * ip&lt;TAB&gt;203.0.113.7&lt;TAB&gt;description&lt;TAB&gt;reference
 * </pre>
 * A bad line becomes an {@link IocProblem} and is skipped; the rest of the list is kept.
 */
final class IocListParser {

    /** Literals shorter than this would match far too much text to mean anything. */
    static final int MIN_LITERAL = 4;

    private final String source;
    private final List<IocProblem> problems = new ArrayList<>();

    private IocListParser(String source) {
        this.source = source;
    }

    record Parsed(IocList list, List<Ioc> entries, List<IocProblem> problems) {
    }

    private record Row(IocType type, String value, String description, String reference, int line) {
    }

    static Parsed parse(String source, String defaultName, String text) {
        return new IocListParser(source).run(defaultName, text);
    }

    private Parsed run(String defaultName, String text) {
        String name = defaultName;
        String title = null;
        List<String> tags = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank()) continue;
            if (line.startsWith("#!")) {
                String directive = line.substring(2).trim();
                int colon = directive.indexOf(':');
                if (colon <= 0) {
                    problem(lineNo, "directive without a key: expected '#! key: value' (keys: name, title, tags)");
                    continue;
                }
                String key = directive.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = directive.substring(colon + 1).trim();
                switch (key) {
                    case "name" -> {
                        if (value.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) name = value;
                        else problem(lineNo, "list name '" + value + "' must be letters, digits, '.', '_' or '-'");
                    }
                    case "title" -> title = value;
                    case "tags" -> {
                        for (String tag : value.split("[\\s,]+")) {
                            if (!tag.isEmpty()) tags.add(tag.toLowerCase(Locale.ROOT));
                        }
                    }
                    default -> problem(lineNo, "unknown directive '" + key + "' (known: name, title, tags)");
                }
                continue;
            }
            if (line.startsWith("#")) continue;
            Row row = parseRow(line, lineNo);
            if (row != null) rows.add(row);
        }
        IocList list = new IocList(name, title != null ? title : "IOC list " + name, tags, source);
        List<Ioc> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = r.type().word() + "\t" + r.value();
            Integer first = seen.putIfAbsent(key, r.line());
            if (first != null) {
                problem(r.line(), "duplicate of line " + first + " (" + r.type().word() + " " + r.value() + ")");
                continue;
            }
            entries.add(new Ioc(r.type(), r.value(), r.description(), r.reference(), list, r.line()));
        }
        return new Parsed(list, entries, List.copyOf(problems));
    }

    private Row parseRow(String line, int lineNo) {
        String[] cols = line.split("\t", -1);
        if (cols.length < 2) {
            problem(lineNo, "expected 'type<TAB>value[<TAB>description[<TAB>reference]]', found no tab");
            return null;
        }
        if (cols.length > 4) {
            problem(lineNo, "expected at most 4 tab-separated columns, found " + cols.length);
            return null;
        }
        IocType type = IocType.fromWord(cols[0]);
        if (type == null) {
            problem(lineNo, "unknown type '" + cols[0].trim()
                    + "' (expected ip, cidr, user-agent, uri-path, sha256, sha1, md5 or domain)");
            return null;
        }
        String raw = type == IocType.USER_AGENT ? cols[1] : cols[1].trim();
        String value = normalise(type, raw, lineNo);
        if (value == null) return null;
        String description = cols.length > 2 ? cols[2].trim() : "";
        String reference = cols.length > 3 ? cols[3].trim() : "";
        return new Row(type, value, description, reference, lineNo);
    }

    private String normalise(IocType type, String raw, int lineNo) {
        if (raw.isBlank()) {
            problem(lineNo, "empty " + type.word() + " value");
            return null;
        }
        switch (type) {
            case IP -> {
                // Logs may write "address:port", but a list entry must be the bare address.
                boolean withPort = raw.indexOf('.') > 0 && raw.indexOf(':') > 0 && raw.indexOf(':') == raw.lastIndexOf(':');
                String c = withPort ? null : IpAddresses.canonical(raw);
                if (c == null) {
                    problem(lineNo, "'" + raw + "' is not an IPv4 or IPv6 address");
                    return null;
                }
                return c;
            }
            case CIDR -> {
                AddressRanges.Cidr cidr = AddressRanges.Cidr.parse(raw);
                if (cidr == null) {
                    problem(lineNo, "'" + raw + "' is not a CIDR range like 203.0.113.0/24 or 2001:db8::/32");
                    return null;
                }
                return cidr.canonical();
            }
            case USER_AGENT -> {
                if (raw.strip().length() < MIN_LITERAL) {
                    problem(lineNo, "user agent '" + raw + "' is shorter than " + MIN_LITERAL
                            + " characters and would match almost anything");
                    return null;
                }
                return raw.strip();
            }
            case URI_PATH -> {
                String web = WebPaths.fromIndicator(raw);
                if (web == null || web.replace("/", "").length() < MIN_LITERAL) {
                    problem(lineNo, "'" + raw + "' is not a usable web path or file name"
                            + " (expected e.g. /aspnet_client/shell.aspx or shell.aspx)");
                    return null;
                }
                return web;
            }
            case SHA256, SHA1, MD5 -> {
                int digits = type == IocType.SHA256 ? 64 : type == IocType.SHA1 ? 40 : 32;
                String h = raw.toLowerCase(Locale.ROOT);
                if (h.length() != digits || !h.matches("[0-9a-f]+")) {
                    problem(lineNo, type.word() + " must be " + digits + " hex digits, found " + raw.length() + " characters");
                    return null;
                }
                return h;
            }
            case DOMAIN -> {
                String d = raw.toLowerCase(Locale.ROOT);
                if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
                if (!d.matches("([a-z0-9_]([a-z0-9_-]*[a-z0-9_])?\\.)+[a-z0-9-]{2,}")) {
                    problem(lineNo, "'" + raw + "' is not a domain name");
                    return null;
                }
                return d;
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        }
    }

    private void problem(int line, String reason) {
        problems.add(new IocProblem(source, line, reason));
    }
}
