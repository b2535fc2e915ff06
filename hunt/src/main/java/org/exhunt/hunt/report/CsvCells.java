package org.exhunt.hunt.report;

/**
 * One CSV cell as RFC 4180 writes it, made safe for the spreadsheet a responder may open it in.
 */
final class CsvCells {

    private CsvCells() {
    }

    /**
     * Text from the evidence: control characters made visible (one event stays one line), a leading
     * {@code = + - @} (or tab or carriage return) prefixed with {@code '} so a spreadsheet shows it
     * instead of running it as a formula, then quoted when it holds a comma, quote or line break.
     */
    static String text(String value) {
        String printable = PrintableText.of(value);
        if (!printable.isEmpty() && "=+-@\t\r".indexOf(printable.charAt(0)) >= 0) {
            printable = "'" + printable;
        }
        return quoted(printable);
    }

    /** A value exhunt made itself (a number, a time): quoted only if the format asks for it. */
    static String plain(String value) {
        return quoted(value == null ? "" : value);
    }

    private static String quoted(String value) {
        boolean needs = false;
        for (int i = 0; i < value.length() && !needs; i++) {
            char c = value.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
