package org.exhunt.yara.pattern;

import java.util.List;

/**
 * Text strings without {@code xor}: the byte forms of the string tried in YARA's order at a start
 * offset (ASCII before wide; base64 forms in the order YARA builds its alternation). YARA verifies
 * each form from its own atoms, so a form that {@code fullword} rejects leaves the next form free
 * to match at the same offset; the first form that matches and passes decides the length.
 */
final class LiteralVerifier implements Verifier {

    /** One byte form of the string; {@code nocase} folds ASCII letters, {@code wide} selects the fullword test. */
    record Form(byte[] bytes, boolean nocase, boolean wide) {}

    private final List<Form> forms;
    private final boolean fullword;

    LiteralVerifier(List<Form> forms, boolean fullword) {
        this.forms = List.copyOf(forms);
        this.fullword = fullword;
    }

    List<Form> forms() {
        return forms;
    }

    @Override
    public Session open(byte[] data) {
        return start -> matchAt(data, start);
    }

    private int matchAt(byte[] data, int start) {
        for (Form f : forms) {
            int len = f.bytes().length;
            if (equalAt(data, start, f) && (!fullword || Fullword.delimited(data, start, len, f.wide()))) return len;
        }
        return -1;
    }

    private static boolean equalAt(byte[] data, int start, Form f) {
        byte[] b = f.bytes();
        if (start < 0 || b.length > data.length - start) return false;
        if (f.nocase()) {
            for (int i = 0; i < b.length; i++) {
                if (lower(data[start + i]) != lower(b[i])) return false;
            }
        } else {
            for (int i = 0; i < b.length; i++) {
                if (data[start + i] != b[i]) return false;
            }
        }
        return true;
    }

    static int lower(byte b) {
        int v = b & 0xFF;
        return v >= 'A' && v <= 'Z' ? v + 32 : v;
    }
}
