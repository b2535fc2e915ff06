package org.exhunt.yara.pattern;

/**
 * YARA's {@code fullword} test: the match may not touch an alphanumeric character on either side.
 * For a wide match the neighbours are wide characters too (an alphanumeric byte beside a zero).
 * Underscore counts as a delimiter, as in YARA (it uses C's isalnum).
 */
final class Fullword {

    private Fullword() {}

    static boolean isAlnum(int b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    static boolean delimited(byte[] data, int offset, int length, boolean wide) {
        int end = offset + length;
        if (wide) {
            if (offset >= 2 && data[offset - 1] == 0 && isAlnum(data[offset - 2] & 0xFF)) return false;
            return !(end + 1 < data.length && data[end + 1] == 0 && isAlnum(data[end] & 0xFF));
        }
        if (offset >= 1 && isAlnum(data[offset - 1] & 0xFF)) return false;
        return !(end < data.length && isAlnum(data[end] & 0xFF));
    }
}
