package org.exhunt.yara.pattern;

/**
 * A hex string or regular expression that YARA would reject. {@link #column()} is 1-based and
 * counts characters of the pattern source as given (without the surrounding braces or slashes).
 */
public final class PatternSyntaxException extends IllegalArgumentException {

    private final String source;
    private final int column;
    private final String reason;

    PatternSyntaxException(String source, int column, String reason) {
        super("column " + column + ": " + reason + " in " + quote(source));
        this.source = source;
        this.column = column;
        this.reason = reason;
    }

    /** The pattern text that failed to parse. */
    public String source() {
        return source;
    }

    /** 1-based column of the offending character. */
    public int column() {
        return column;
    }

    /** What was wrong or expected, without the position. */
    public String reason() {
        return reason;
    }

    private static String quote(String s) {
        return s.length() <= 80 ? "'" + s + "'" : "'" + s.substring(0, 77) + "...'";
    }
}
