package org.exhunt.yara.pattern;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The modifiers of a YARA text string (and the subset a regex accepts: nocase, ascii, wide,
 * fullword). Immutable; every method returns a copy with one more modifier, in any order:
 * {@code Modifiers.none().wide().ascii().nocase()}. Combinations YARA refuses are reported by
 * {@link #validateForText()} when the pattern set is compiled.
 */
public final class Modifiers {

    /** The alphabet of RFC 4648 base64, YARA's default for {@code base64} and {@code base64wide}. */
    public static final String STANDARD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private static final Modifiers NONE = new Modifiers(false, false, false, false, -1, -1, false, false, null, null);

    private final boolean ascii;
    private final boolean wide;
    private final boolean nocase;
    private final boolean fullword;
    private final int xorMin;
    private final int xorMax;
    private final boolean base64;
    private final boolean base64wide;
    private final String base64Alphabet;
    private final String base64wideAlphabet;

    private Modifiers(boolean ascii, boolean wide, boolean nocase, boolean fullword, int xorMin, int xorMax,
            boolean base64, boolean base64wide, String base64Alphabet, String base64wideAlphabet) {
        this.ascii = ascii;
        this.wide = wide;
        this.nocase = nocase;
        this.fullword = fullword;
        this.xorMin = xorMin;
        this.xorMax = xorMax;
        this.base64 = base64;
        this.base64wide = base64wide;
        this.base64Alphabet = base64Alphabet;
        this.base64wideAlphabet = base64wideAlphabet;
    }

    /** No modifier: the plain ASCII bytes of the string. */
    public static Modifiers none() {
        return NONE;
    }

    public Modifiers ascii() {
        return new Modifiers(true, wide, nocase, fullword, xorMin, xorMax, base64, base64wide, base64Alphabet, base64wideAlphabet);
    }

    public Modifiers wide() {
        return new Modifiers(ascii, true, nocase, fullword, xorMin, xorMax, base64, base64wide, base64Alphabet, base64wideAlphabet);
    }

    public Modifiers nocase() {
        return new Modifiers(ascii, wide, true, fullword, xorMin, xorMax, base64, base64wide, base64Alphabet, base64wideAlphabet);
    }

    public Modifiers fullword() {
        return new Modifiers(ascii, wide, nocase, true, xorMin, xorMax, base64, base64wide, base64Alphabet, base64wideAlphabet);
    }

    /** {@code xor}: every single-byte key 0..255. */
    public Modifiers xor() {
        return xor(0, 255);
    }

    /** {@code xor(key)}. */
    public Modifiers xor(int key) {
        return xor(key, key);
    }

    /** {@code xor(min-max)}, both inclusive. */
    public Modifiers xor(int min, int max) {
        return new Modifiers(ascii, wide, nocase, fullword, min, max, base64, base64wide, base64Alphabet, base64wideAlphabet);
    }

    public Modifiers base64() {
        return base64(STANDARD_ALPHABET);
    }

    /** {@code base64("alphabet")}: 64 distinct single-byte characters. */
    public Modifiers base64(String alphabet) {
        return new Modifiers(ascii, wide, nocase, fullword, xorMin, xorMax, true, base64wide, alphabet, base64wideAlphabet);
    }

    public Modifiers base64wide() {
        return base64wide(STANDARD_ALPHABET);
    }

    public Modifiers base64wide(String alphabet) {
        return new Modifiers(ascii, wide, nocase, fullword, xorMin, xorMax, base64, true, base64Alphabet, alphabet);
    }

    /** Whether the ASCII form is searched: asked for, or implied because {@code wide} is absent. */
    public boolean isAscii() {
        return ascii || !wide;
    }

    public boolean isWide() {
        return wide;
    }

    public boolean isNocase() {
        return nocase;
    }

    public boolean isFullword() {
        return fullword;
    }

    public boolean isXor() {
        return xorMin >= 0;
    }

    public int xorMin() {
        return xorMin;
    }

    public int xorMax() {
        return xorMax;
    }

    public boolean isBase64() {
        return base64;
    }

    public boolean isBase64wide() {
        return base64wide;
    }

    /** The alphabet of {@code base64} or {@code base64wide} (YARA requires them to be equal). */
    public String alphabet() {
        return base64Alphabet != null ? base64Alphabet : base64wideAlphabet != null ? base64wideAlphabet : STANDARD_ALPHABET;
    }

    /** Rejects what YARA's compiler rejects for a text string, with its reasons. */
    void validateForText() {
        List<String> bad = new ArrayList<>();
        if (isXor()) {
            if (xorMin > 255 || xorMax > 255 || xorMin < 0 || xorMax < 0) bad.add("xor key out of 0..255");
            else if (xorMin > xorMax) bad.add("xor lower bound " + xorMin + " exceeds upper bound " + xorMax);
            if (nocase) bad.add("xor cannot be combined with nocase");
            if (base64 || base64wide) bad.add("xor cannot be combined with base64");
        }
        if (base64 || base64wide) {
            if (nocase) bad.add("base64 cannot be combined with nocase");
            if (fullword) bad.add("base64 cannot be combined with fullword");
            if (base64 && base64wide && !base64Alphabet.equals(base64wideAlphabet)) {
                bad.add("base64 and base64wide must use the same alphabet");
            }
            String a = alphabet();
            if (a.length() != 64 || a.getBytes(StandardCharsets.ISO_8859_1).length != 64
                    || !a.equals(new String(a.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1))) {
                bad.add("base64 alphabet must be 64 single-byte characters");
            }
        }
        if (!bad.isEmpty()) throw new IllegalArgumentException(String.join("; ", bad));
    }

    /** Rejects modifiers a regex cannot carry. */
    void validateForRegex() {
        if (isXor() || base64 || base64wide) {
            throw new IllegalArgumentException("a regular expression accepts only nocase, ascii, wide and fullword");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (ascii) sb.append(" ascii");
        if (wide) sb.append(" wide");
        if (nocase) sb.append(" nocase");
        if (fullword) sb.append(" fullword");
        if (isXor()) sb.append(" xor(").append(xorMin).append('-').append(xorMax).append(')');
        if (base64) sb.append(" base64");
        if (base64wide) sb.append(" base64wide");
        return sb.toString().trim();
    }
}
