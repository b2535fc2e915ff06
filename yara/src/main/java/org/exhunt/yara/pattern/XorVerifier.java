package org.exhunt.yara.pattern;

/**
 * Text strings with {@code xor}: the key is read off the first byte at the start offset and the
 * whole form is checked against it; a wide form xors its zero bytes too. As for plain text, the
 * ASCII form is tried first and a form that {@code fullword} rejects lets the other one match.
 */
final class XorVerifier implements Verifier {

    private final byte[] plain;
    private final int minKey;
    private final int maxKey;
    private final boolean ascii;
    private final boolean wide;
    private final boolean fullword;

    XorVerifier(byte[] plain, int minKey, int maxKey, boolean ascii, boolean wide, boolean fullword) {
        this.plain = plain.clone();
        this.minKey = minKey;
        this.maxKey = maxKey;
        this.ascii = ascii;
        this.wide = wide;
        this.fullword = fullword;
    }

    @Override
    public Session open(byte[] data) {
        return start -> matchAt(data, start);
    }

    private int matchAt(byte[] data, int start) {
        int n = plain.length;
        int k = start < data.length ? (data[start] ^ plain[0]) & 0xFF : -1;
        if (k < minKey || k > maxKey) return -1;
        if (ascii && n <= data.length - start && asciiEqual(data, start, k)
                && (!fullword || Fullword.delimited(data, start, n, false))) {
            return n;
        }
        if (wide && 2L * n <= data.length - start && wideEqual(data, start, k)
                && (!fullword || Fullword.delimited(data, start, 2 * n, true))) {
            return 2 * n;
        }
        return -1;
    }

    private boolean asciiEqual(byte[] data, int start, int k) {
        for (int i = 0; i < plain.length; i++) {
            if (((data[start + i] ^ plain[i]) & 0xFF) != k) return false;
        }
        return true;
    }

    private boolean wideEqual(byte[] data, int start, int k) {
        for (int i = 0; i < plain.length; i++) {
            if (((data[start + 2 * i] ^ plain[i]) & 0xFF) != k || (data[start + 2 * i + 1] & 0xFF) != k) return false;
        }
        return true;
    }

    /** The byte form searched for one key: the string (widened first when {@code wide}) xored with it. */
    static byte[] form(byte[] plain, int key, boolean wide) {
        byte[] f = wide ? TextForms.widen(plain) : plain.clone();
        for (int i = 0; i < f.length; i++) f[i] ^= (byte) key;
        return f;
    }
}
