package org.exhunt.yara.pattern;

import java.util.ArrayList;
import java.util.List;

/** Turns a text string and its modifiers into a verifier and the byte forms atoms come from. */
final class TextForms {

    private TextForms() {}

    static CompiledPattern compile(byte[] literal, Modifiers m) {
        if (literal.length == 0) throw new IllegalArgumentException("empty text string");
        m.validateForText();
        if (m.isXor()) return xor(literal, m);
        List<LiteralVerifier.Form> forms = new ArrayList<>();
        if (m.isBase64() || m.isBase64wide()) {
            for (byte[] f : Base64Forms.forms(literal, m)) forms.add(new LiteralVerifier.Form(f, false, false));
        } else {
            if (m.isAscii()) forms.add(new LiteralVerifier.Form(literal.clone(), m.isNocase(), false));
            if (m.isWide()) forms.add(new LiteralVerifier.Form(widen(literal), m.isNocase(), true));
        }
        List<List<Segment>> alternatives = new ArrayList<>();
        for (LiteralVerifier.Form f : forms) {
            alternatives.add(List.of(new Segment(positions(f.bytes(), f.nocase()), 0, 0)));
        }
        return new CompiledPattern(new LiteralVerifier(forms, m.isFullword()), alternatives, false);
    }

    private static CompiledPattern xor(byte[] literal, Modifiers m) {
        List<List<Segment>> alternatives = new ArrayList<>();
        for (int k = m.xorMin(); k <= m.xorMax(); k++) {
            if (m.isWide()) alternatives.add(List.of(new Segment(positions(XorVerifier.form(literal, k, true), false), 0, 0)));
            if (m.isAscii()) alternatives.add(List.of(new Segment(positions(XorVerifier.form(literal, k, false), false), 0, 0)));
        }
        Verifier v = new XorVerifier(literal, m.xorMin(), m.xorMax(), m.isAscii(), m.isWide(), m.isFullword());
        return new CompiledPattern(v, alternatives, false);
    }

    static List<ByteClass> positions(byte[] bytes, boolean nocase) {
        List<ByteClass> out = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            ByteClass c = ByteClass.of(b & 0xFF);
            out.add(nocase ? c.foldAsciiCase() : c);
        }
        return out;
    }

    /** UTF-16LE of an ASCII string as YARA builds it: every byte followed by a zero byte. */
    static byte[] widen(byte[] s) {
        byte[] w = new byte[s.length * 2];
        for (int i = 0; i < s.length; i++) w[2 * i] = s[i];
        return w;
    }
}
