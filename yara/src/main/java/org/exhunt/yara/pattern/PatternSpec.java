package org.exhunt.yara.pattern;

import java.util.Objects;

/**
 * One YARA string described plainly: a text string with modifiers, a hex string, or a regular
 * expression. Nothing is parsed here; {@link PatternSet#compile} parses and reports errors.
 */
public final class PatternSpec {

    /** What kind of YARA string this is. */
    public enum Kind { TEXT, HEX, REGEX }

    private final Kind kind;
    private final byte[] literal;
    private final String source;
    private final Modifiers modifiers;
    private final boolean dotAll;

    private PatternSpec(Kind kind, byte[] literal, String source, Modifiers modifiers, boolean dotAll) {
        this.kind = kind;
        this.literal = literal;
        this.source = source;
        this.modifiers = modifiers;
        this.dotAll = dotAll;
    }

    /** A text string: its bytes after escapes are resolved, and its modifiers. */
    public static PatternSpec text(byte[] literal, Modifiers modifiers) {
        Objects.requireNonNull(literal, "literal");
        return new PatternSpec(Kind.TEXT, literal.clone(), null, Objects.requireNonNull(modifiers, "modifiers"), false);
    }

    /** A hex string: the text between the braces, e.g. {@code "4D 5A [2-4] ( 90 | ?? 00 )"}. */
    public static PatternSpec hex(String hexSource) {
        return new PatternSpec(Kind.HEX, null, Objects.requireNonNull(hexSource, "hexSource"), Modifiers.none(), false);
    }

    /**
     * A regular expression: the text between the slashes; {@code nocase} is the {@code i} flag
     * or the {@code nocase} modifier, {@code dotAll} the {@code s} flag.
     */
    public static PatternSpec regex(String source, boolean nocase, boolean dotAll) {
        return regex(source, nocase ? Modifiers.none().nocase() : Modifiers.none(), dotAll);
    }

    /** A regular expression with the modifiers a regex accepts: nocase, ascii, wide, fullword. */
    public static PatternSpec regex(String source, Modifiers modifiers, boolean dotAll) {
        return new PatternSpec(Kind.REGEX, null, Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(modifiers, "modifiers"), dotAll);
    }

    public Kind kind() {
        return kind;
    }

    /** The text string's bytes (a copy); null for hex strings and regexes. */
    public byte[] literal() {
        return literal == null ? null : literal.clone();
    }

    /** The hex or regex source; null for text strings. */
    public String source() {
        return source;
    }

    public Modifiers modifiers() {
        return modifiers;
    }

    public boolean dotAll() {
        return dotAll;
    }

    byte[] literalUnsafe() {
        return literal;
    }

    @Override
    public String toString() {
        String body = switch (kind) {
            case TEXT -> "\"" + escape(literal) + "\"";
            case HEX -> "{ " + source + " }";
            case REGEX -> "/" + source + "/" + (dotAll ? "s" : "");
        };
        String mods = modifiers.toString();
        return mods.isEmpty() ? body : body + " " + mods;
    }

    private static String escape(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int v = x & 0xFF;
            if (v == '"' || v == '\\') sb.append('\\').append((char) v);
            else if (v >= 0x20 && v < 0x7F) sb.append((char) v);
            else sb.append(String.format("\\x%02x", v));
        }
        return sb.toString();
    }
}
