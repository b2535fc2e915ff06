package org.exhunt.hunt.intel;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as RFC 4180 describes: fields separated by commas, quoted fields
 * may hold commas, doubled quotes and line breaks. Lines may end in CRLF or LF. Lenient where
 * feeds are sloppy (a quote inside an unquoted field is kept as a character), strict where
 * guessing would be wrong: a quoted field still open at the end of the text is reported.
 */
final class CsvRecords {

    /** One record and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {
    }

    final List<Row> rows = new ArrayList<>();
    /** The line of a quoted field left open at the end of the text, or 0. */
    int unterminatedQuoteLine;

    private CsvRecords() {
    }

    static CsvRecords parse(String text) {
        CsvRecords out = new CsvRecords();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean fieldStarted = false;
        int quoteLine = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (!fieldStarted && field.length() == 0) {
                        quoted = true;
                        quoteLine = line;
                    } else {
                        field.append(c);
                    }
                    fieldStarted = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                }
                case '\r' -> {
                    // CR before LF belongs to the line end; a lone CR ends a line as well.
                    if (i + 1 < n && text.charAt(i + 1) == '\n') continue;
                    out.endRow(rowStart, fields, field);
                    fieldStarted = false;
                    rowStart = ++line;
                }
                case '\n' -> {
                    out.endRow(rowStart, fields, field);
                    fieldStarted = false;
                    rowStart = ++line;
                }
                default -> {
                    field.append(c);
                    fieldStarted = true;
                }
            }
        }
        if (quoted) out.unterminatedQuoteLine = quoteLine;
        out.endRow(rowStart, fields, field);
        return out;
    }

    private void endRow(int line, List<String> fields, StringBuilder field) {
        fields.add(field.toString());
        field.setLength(0);
        boolean blank = fields.size() == 1 && fields.get(0).isBlank();
        if (!blank) rows.add(new Row(line, List.copyOf(fields)));
        fields.clear();
    }
}
