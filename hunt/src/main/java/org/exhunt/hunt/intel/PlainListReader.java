package org.exhunt.hunt.intel;

/**
 * Reads one-indicator-per-line lists, each value's type guessed from its shape. Covers the
 * signature-base (LOKI) lists too: {@code hash;description} lines ({@code hash-iocs.txt}),
 * bare addresses and domains ({@code c2-iocs.txt}) and {@code regex;score[;exclusion]} lines
 * ({@code filename-iocs.txt}): a regex that names exactly one web path becomes a uri-path
 * indicator, the others are counted but not matched. Lines starting
 * with {@code #} are comments; the last comment above a value becomes its description when the
 * line has none, because these lists head each group of values with a comment naming it.
 */
final class PlainListReader {

    private PlainListReader() {
    }

    static Feed read(String source, String text, String format) {
        FeedDraft draft = new FeedDraft(source, format);
        String[] lines = text.split("\r?\n|\r", -1);
        String heading = "";
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                heading = "";
                continue;
            }
            if (line.startsWith("#") || line.startsWith("//")) {
                String comment = line.replaceFirst("^(#+|//)", "").strip();
                if (!comment.isEmpty() && !comment.matches("[-=#*_ ]+")) heading = comment;
                continue;
            }
            String where = "line " + lineNo;
            String value = line;
            String note = "";
            int semi = line.indexOf(';');
            if (semi > 0) {
                value = line.substring(0, semi).strip();
                note = line.substring(semi + 1).strip();
            }
            String refanged = IndicatorGuess.refang(value);
            Kind kind = IndicatorGuess.guess(refanged);
            if (semi > 0 && isScore(note)) {
                // value;score[;text]: a scored hash or address is used; anything else is a file-name regex.
                int second = note.indexOf(';');
                String score = (second >= 0 ? note.substring(0, second) : note).strip();
                boolean exclusion = second >= 0 && !isHashOrAddress(kind);
                String said = second >= 0 && !exclusion ? note.substring(second + 1).strip() : heading;
                note = (said.isEmpty() ? "" : said + " ") + "(score " + score + ")";
                if (!isHashOrAddress(kind)) {
                    // A file-name regex: usable only when it names exactly one web path.
                    String path = exclusion ? null : LiteralPathRegex.path(value);
                    if (path == null) {
                        draft.skip(lineNo, where, Kind.PATH_REGEX.unusedReason());
                        continue;
                    }
                    refanged = path;
                    kind = Kind.FILE;
                }
            }
            if (kind == null) {
                draft.problem(lineNo, where + ": '" + shorten(value)
                        + "' is no address, range, hash, URL, domain or file name");
                continue;
            }
            draft.add(kind, refanged, note.isEmpty() ? heading : note, "", lineNo, where);
        }
        return draft.build();
    }

    private static boolean isHashOrAddress(Kind kind) {
        return kind == Kind.SHA256 || kind == Kind.SHA1 || kind == Kind.MD5 || kind == Kind.IP
                || kind == Kind.CIDR || kind == Kind.DOMAIN;
    }

    /** {@code 80} or {@code 80;(?i)exclusion}: the score column of a signature-base file-name list. */
    private static boolean isScore(String note) {
        int semi = note.indexOf(';');
        String score = semi >= 0 ? note.substring(0, semi) : note;
        return score.strip().matches("-?\\d{1,3}");
    }

    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
