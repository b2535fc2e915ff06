package org.exhunt.yara.syntax;

/**
 * The modifiers after a string definition. {@code xorMin..xorMax} is the key range when
 * {@code xor} is set (plain {@code xor} means 0..255); {@code base64Alphabet} is null for the
 * standard alphabet.
 */
public record Modifiers(boolean nocase, boolean wide, boolean ascii, boolean fullword, boolean isPrivate,
                        boolean xor, int xorMin, int xorMax,
                        boolean base64, boolean base64wide, String base64Alphabet) {

    public static final Modifiers NONE = new Modifiers(false, false, false, false, false, false, 0, 0, false, false, null);

    /** ASCII matching applies when asked for, or when {@code wide} is not asked for. */
    public boolean matchesAscii() {
        return ascii || !wide;
    }
}
