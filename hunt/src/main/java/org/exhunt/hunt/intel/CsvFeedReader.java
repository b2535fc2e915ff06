package org.exhunt.hunt.intel;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads CSV feeds with a header row that names an indicator column: Microsoft's MSTIC layout
 * ({@code DateAdded,FirstSeen,Indicator,IndicatorType,TLP}), Volexity's ({@code value,type,notes})
 * and others alike. The type column's words are mapped by {@link TypeWords}; without a type
 * column each value's type is guessed from its shape.
 */
final class CsvFeedReader {

    static final Set<String> VALUE_COLUMNS = Set.of("indicator", "value", "ioc", "observable", "indicator_value");
    private static final Set<String> TYPE_COLUMNS = Set.of("indicatortype", "type", "indicator_type", "ioc_type", "ioctype");
    private static final Set<String> DESCRIPTION_COLUMNS = Set.of("notes", "description", "comment", "comments", "context", "note");
    private static final Set<String> REFERENCE_COLUMNS = Set.of("reference", "references", "link", "source_url");

    private CsvFeedReader() {
    }

    /** Whether the first line of {@code text} that is neither blank nor a {@code #} comment is a CSV header naming an indicator column. */
    static boolean recognises(String text) {
        String first = headerLine(text);
        if (first == null || first.indexOf(',') < 0) return false;
        for (String cell : first.split(",")) {
            if (VALUE_COLUMNS.contains(unquote(cell))) return true;
        }
        return false;
    }

    private static String headerLine(String text) {
        for (String line : text.split("\r?\n|\r", 50)) {
            String l = line.trim();
            if (!l.isEmpty() && !l.startsWith("#")) return l;
        }
        return null;
    }

    /** Comment lines before the header become blank, so that line numbers stay those of the file. */
    private static String withoutLeadingComments(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean header = false;
        for (String line : text.split("(?<=\n)|(?<=\r)(?!\n)")) {
            String l = line.trim();
            if (!header && l.startsWith("#")) {
                b.append(line, line.length() - (line.endsWith("\r\n") ? 2 : line.endsWith("\n") || line.endsWith("\r") ? 1 : 0), line.length());
                continue;
            }
            if (!l.isEmpty()) header = true;
            b.append(line);
        }
        return b.toString();
    }

    static Feed read(String source, String text) {
        CsvRecords csv = CsvRecords.parse(withoutLeadingComments(text));
        List<String> header = csv.rows.get(0).fields();
        String format = header.stream().map(CsvFeedReader::unquote).anyMatch("indicatortype"::equals) ? "MSTIC CSV" : "CSV";
        FeedDraft draft = new FeedDraft(source, format);
        int value = column(header, VALUE_COLUMNS);
        int type = column(header, TYPE_COLUMNS);
        int description = column(header, DESCRIPTION_COLUMNS);
        int reference = column(header, REFERENCE_COLUMNS);
        if (value < 0) {
            // Recognised by a header line that the CSV parser reads differently (a stray quote or
            // carriage return before it): no column to read indicators from.
            draft.problem(csv.rows.get(0).line(), "the header names no indicator column (expected one of "
                    + String.join(", ", new java.util.TreeSet<>(VALUE_COLUMNS)) + ")");
            return draft.build();
        }
        if (csv.unterminatedQuoteLine > 0) {
            draft.problem(csv.unterminatedQuoteLine, "quoted field opened on this line is never closed"
                    + " (expected a closing '\"'); the rest of the file was read as that one field");
        }
        for (CsvRecords.Row row : csv.rows.subList(1, csv.rows.size())) {
            String where = "line " + row.line();
            List<String> f = row.fields();
            if (value >= f.size()) {
                draft.problem(row.line(), "expected " + header.size() + " columns as in the header, found " + f.size());
                continue;
            }
            String v = f.get(value).trim();
            String desc = description >= 0 && description < f.size() ? f.get(description).trim() : "";
            String ref = reference >= 0 && reference < f.size() ? f.get(reference).trim() : "";
            Kind kind;
            if (type >= 0 && type < f.size() && !f.get(type).isBlank()) {
                kind = TypeWords.kind(f.get(type));
                if (kind == null) {
                    draft.skip(row.line(), where, "indicator type '" + f.get(type).trim() + "' is not one exhunt uses"
                            + " (known: ip, cidr, domain, url, sha256, md5, sha1, file path or name, user agent)");
                    continue;
                }
                if (kind == Kind.IP && v.indexOf('/') > 0) kind = Kind.CIDR;
            } else {
                kind = IndicatorGuess.guess(IndicatorGuess.refang(v));
                if (kind == null) {
                    draft.problem(row.line(), where + ": '" + v + "' is no address, range, hash, URL, domain or file name");
                    continue;
                }
            }
            draft.add(kind, v, desc, ref, row.line(), where);
        }
        return draft.build();
    }

    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(unquote(header.get(i)))) return i;
        }
        return -1;
    }

    private static String unquote(String cell) {
        String c = cell.trim();
        if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) c = c.substring(1, c.length() - 1);
        return c.trim().toLowerCase(Locale.ROOT);
    }
}
