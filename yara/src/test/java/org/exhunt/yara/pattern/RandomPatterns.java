package org.exhunt.yara.pattern;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Generates small YARA strings (text with modifiers, hex, regex) together with their YARA source,
 * and data over a small alphabet with forms of the text strings planted in it, so that matches
 * (and near misses) are frequent.
 */
final class RandomPatterns {

    record Generated(PatternSpec spec, String yaraSource) {}

    private static final String LETTERS = "abcAB";
    private final Random rnd;
    /**
     * Whether alternations are generated. YARA takes, at one start offset, the alternative whose
     * atom its scan meets first (its atoms, not ours), so only agreement without them is exact.
     */
    private final boolean alternation;

    RandomPatterns(long seed, boolean alternation) {
        this.rnd = new Random(seed);
        this.alternation = alternation;
    }

    Generated any() {
        int k = rnd.nextInt(10);
        return k < 4 ? text() : k < 7 ? hex() : regex();
    }

    Generated text() {
        byte[] lit = word(1 + rnd.nextInt(4));
        Modifiers m = Modifiers.none();
        StringBuilder src = new StringBuilder(YaraCli.quote(lit));
        int kind = rnd.nextInt(4);
        boolean ascii = rnd.nextInt(3) == 0;
        boolean wide = rnd.nextInt(3) == 0;
        if (ascii) {
            m = m.ascii();
            src.append(" ascii");
        }
        if (wide) {
            m = m.wide();
            src.append(" wide");
        }
        if (kind == 1) {
            int lo = rnd.nextInt(4);
            int hi = lo + rnd.nextInt(3);
            m = m.xor(lo, hi);
            src.append(" xor(").append(lo).append('-').append(hi).append(')');
        } else if (kind == 2 && lit.length >= 3) {
            if (rnd.nextBoolean()) {
                m = m.base64();
                src.append(" base64");
            } else {
                m = m.base64wide();
                src.append(" base64wide");
            }
        } else if (rnd.nextBoolean()) {
            m = m.nocase();
            src.append(" nocase");
        }
        if (kind != 2 && rnd.nextInt(3) == 0) {
            m = m.fullword();
            src.append(" fullword");
        }
        return new Generated(PatternSpec.text(lit, m), src.toString());
    }

    Generated hex() {
        String body = hexSeq(1 + rnd.nextInt(4), true);
        lazyOnly = null;
        return new Generated(PatternSpec.hex(body), "{ " + body + " }");
    }

    private String hexSeq(int n, boolean allowAlt) {
        List<String> t = new ArrayList<>();
        boolean jumped = false;
        for (int i = 0; i < n; i++) {
            // Several jumps are left to the alternation setting: like alternatives, they let one
            // offset match in several ways, where yara's pick follows its own atoms.
            if (i > 0 && (alternation || !jumped) && rnd.nextInt(4) == 0) {
                jumped = true;
                int lo = rnd.nextInt(3);
                t.add(allowAlt && rnd.nextInt(5) == 0 ? "[" + lo + "-]" : "[" + lo + "-" + (lo + rnd.nextInt(3)) + "]");
            }
            int k = rnd.nextInt(8);
            if (k == 0) t.add("??");
            else if (k == 1) t.add("6?");
            else if (k == 2) t.add("?1");
            else if (k == 3 && allowAlt && alternation) t.add("( " + hexSeq(1 + rnd.nextInt(2), false) + " | " + hexSeq(1 + rnd.nextInt(2), false) + " )");
            else t.add(String.format("%02X", (int) LETTERS.charAt(rnd.nextInt(LETTERS.length()))));
        }
        return String.join(" ", t);
    }

    /** YARA refuses greedy and lazy quantifiers in one regex: one kind per expression. */
    private Boolean lazyOnly;

    Generated regex() {
        lazyOnly = rnd.nextInt(3) == 0;
        String body = regexAlt(2);
        boolean nocase = rnd.nextInt(4) == 0;
        boolean dotAll = rnd.nextInt(4) == 0;
        boolean wide = rnd.nextInt(5) == 0;
        Modifiers m = nocase ? Modifiers.none().nocase() : Modifiers.none();
        if (wide) m = m.wide();
        String src = "/" + body + "/" + (nocase ? "i" : "") + (dotAll ? "s" : "") + (wide ? " wide" : "");
        return new Generated(PatternSpec.regex(body, m, dotAll), src);
    }

    private String regexAlt(int depth) {
        String s = regexSeq(depth);
        if (alternation && rnd.nextInt(5) == 0) s = s + "|" + regexSeq(depth);
        return s;
    }

    private String regexSeq(int depth) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(4);
        // A literal first keeps most expressions from matching everywhere.
        sb.append(LETTERS.charAt(rnd.nextInt(3)));
        for (int i = 0; i < n; i++) {
            String atom;
            int k = rnd.nextInt(12);
            if (k == 0) atom = ".";
            else if (k == 1) atom = "[ab]";
            else if (k == 2) atom = "[^a]";
            else if (k == 3) atom = "\\w";
            else if (k == 4) atom = "\\s";
            else if (k == 5) atom = "\\x62";
            else if (k == 6 && depth > 0) atom = "(" + regexAlt(depth - 1) + ")";
            else if (k == 7) atom = "\\b";
            else atom = String.valueOf(LETTERS.charAt(rnd.nextInt(LETTERS.length())));
            sb.append(atom);
            if (!atom.equals("\\b") && rnd.nextInt(3) == 0) {
                String[] q = {"*", "+", "?", "{1,2}", "{2}", "{,2}", "{1,}"};
                sb.append(q[rnd.nextInt(q.length)]);
                if (Boolean.TRUE.equals(lazyOnly)) sb.append('?');
            }
        }
        return sb.toString();
    }

    byte[] word(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) LETTERS.charAt(rnd.nextInt(LETTERS.length()));
        return b;
    }

    /** Noise over a small alphabet, with forms of the given text strings planted in it. */
    byte[] data(List<PatternSpec> specs, int size) {
        String noise = "abcAB-_ \n\u0000\u0001";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < size) {
            int k = rnd.nextInt(6);
            if (k == 0 && !specs.isEmpty()) {
                plant(specs.get(rnd.nextInt(specs.size())), out);
            } else {
                out.write(noise.charAt(rnd.nextInt(noise.length())));
            }
        }
        return out.toByteArray();
    }

    private void plant(PatternSpec s, ByteArrayOutputStream out) {
        if (s.kind() != PatternSpec.Kind.TEXT) {
            out.writeBytes(word(1 + rnd.nextInt(4)));
            return;
        }
        byte[] lit = s.literal();
        Modifiers m = s.modifiers();
        byte[] form = lit;
        if (m.isNocase() && rnd.nextBoolean()) form = new String(lit, StandardCharsets.ISO_8859_1).toUpperCase().getBytes(StandardCharsets.ISO_8859_1);
        if (rnd.nextBoolean()) form = TextForms.widen(form);
        if (m.isXor()) {
            form = form.clone();
            int key = rnd.nextInt(5);
            for (int i = 0; i < form.length; i++) form[i] ^= (byte) key;
        }
        if (m.isBase64() || m.isBase64wide()) {
            byte[] pre = word(rnd.nextInt(3));
            byte[] all = new byte[pre.length + form.length];
            System.arraycopy(pre, 0, all, 0, pre.length);
            System.arraycopy(form, 0, all, pre.length, form.length);
            form = Base64.getEncoder().encode(all);
            if (m.isBase64wide() && rnd.nextBoolean()) form = TextForms.widen(form);
        }
        out.writeBytes(form);
    }
}
