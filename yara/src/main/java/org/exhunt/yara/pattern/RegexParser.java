package org.exhunt.yara.pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Parses YARA's regular expression dialect (the text between the slashes) over bytes: every
 * character of the source below U+0100 stands for the byte of the same value. Case folding for
 * {@code nocase} / {@code i} and the meaning of {@code .} are applied here, so the result needs
 * no flags to run.
 */
final class RegexParser {

    /** YARA rejects repeat bounds above this. */
    static final int MAX_REPEAT = Short.MAX_VALUE;

    static final ByteClass DIGIT = ByteClass.range('0', '9');
    static final ByteClass WORD = ByteClass.union(ByteClass.union(ByteClass.range('a', 'z'), ByteClass.range('A', 'Z')),
            ByteClass.union(DIGIT, ByteClass.of('_')));
    static final ByteClass SPACE = ByteClass.union(ByteClass.range('\t', '\r'), ByteClass.of(' '));

    private final String src;
    private final boolean nocase;
    private final boolean dotAll;
    private int pos;
    private int depth;
    private boolean sawGreedy;
    private boolean sawLazy;
    /** Whether the operand just parsed was a bare '.'. */
    private boolean operandIsDot;
    /** Lazy {@code .{n,m}?} repeats: libyara may cut the regex into chained pieces at them. */
    private final Set<Node> lazyDotRanges = Collections.newSetFromMap(new IdentityHashMap<>());

    /** A parsed regex and its lazy {@code .{n,m}?} repeats (by identity). */
    record Parsed(Node root, Set<Node> lazyDotRanges) {}

    private RegexParser(String src, boolean nocase, boolean dotAll) {
        this.src = src;
        this.nocase = nocase;
        this.dotAll = dotAll;
    }

    static Node parse(String source, boolean nocase, boolean dotAll) {
        return parseWithRanges(source, nocase, dotAll).root();
    }

    static Parsed parseWithRanges(String source, boolean nocase, boolean dotAll) {
        if (source.isEmpty()) throw new PatternSyntaxException(source, 1, "empty regular expression");
        RegexParser p = new RegexParser(source, nocase, dotAll);
        Node n = p.alternation();
        if (p.pos < source.length()) throw p.error("unbalanced ')'");
        return new Parsed(n, p.lazyDotRanges);
    }

    private Node alternation() {
        List<Node> options = new ArrayList<>();
        int first = pos;
        options.add(concatenation());
        if (pos == first && pos < src.length() && src.charAt(pos) == '|') {
            // YARA accepts empty later alternatives (a|, a||b) but not an empty first one.
            throw error("empty first alternative");
        }
        while (pos < src.length() && src.charAt(pos) == '|') {
            pos++;
            options.add(concatenation());
        }
        return options.size() == 1 ? options.get(0) : new Node.Alt(options);
    }

    private Node concatenation() {
        List<Node> items = new ArrayList<>();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '|' || (c == ')' && depth > 0)) break;
            if (c == ')') throw error("unbalanced ')'");
            boolean dot = c == '.';
            Node atom = atom();
            // Set after the atom: a group's own parse would otherwise leave its last item's flag
            // here, and (a.){1,}? would be taken for a jump of any bytes.
            operandIsDot = dot;
            items.add(quantified(atom));
        }
        if (items.isEmpty()) return new Node.Empty();
        return items.size() == 1 ? items.get(0) : new Node.Concat(items);
    }

    private Node quantified(Node atom) {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            int min;
            int max;
            int start = pos;
            boolean braces = c == '{';
            if (c == '*') {
                min = 0;
                max = Node.Repeat.UNBOUNDED;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = Node.Repeat.UNBOUNDED;
                pos++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '{') {
                int[] bounds = braces();
                if (bounds == null) return atom;
                min = bounds[0];
                max = bounds[1];
            } else {
                return atom;
            }
            if (atom instanceof Node.Assert || atom instanceof Node.Repeat) {
                pos = start;
                throw error("nothing to repeat");
            }
            boolean greedy = true;
            if (pos < src.length() && src.charAt(pos) == '?') {
                greedy = false;
                pos++;
            }
            if (greedy ? sawLazy : sawGreedy) {
                pos = start;
                throw error("greedy and lazy quantifiers cannot be mixed in one regular expression");
            }
            sawGreedy |= greedy;
            sawLazy |= !greedy;
            Node repeated = new Node.Repeat(atom, min, max, greedy);
            if (braces && !greedy && operandIsDot) lazyDotRanges.add(repeated);
            operandIsDot = false;
            atom = repeated;
        }
        return atom;
    }

    /** {@code {n}}, {@code {n,}}, {@code {n,m}}, {@code {,m}}; null (and no input used) if the brace is a literal. */
    private int[] braces() {
        int start = pos;
        int p = pos + 1;
        int n1s = p;
        while (p < src.length() && Character.isDigit(src.charAt(p)) && src.charAt(p) < 128) p++;
        String first = src.substring(n1s, p);
        boolean comma = p < src.length() && src.charAt(p) == ',';
        String second = null;
        if (comma) {
            p++;
            int n2s = p;
            while (p < src.length() && Character.isDigit(src.charAt(p)) && src.charAt(p) < 128) p++;
            second = src.substring(n2s, p);
        }
        // {} and unclosed braces are literal text; {,} means {0,} as in YARA.
        if (p >= src.length() || src.charAt(p) != '}' || (first.isEmpty() && second == null)) {
            return null;
        }
        pos = p + 1;
        int min = first.isEmpty() ? 0 : bound(first, start);
        int max = !comma ? min : second.isEmpty() ? Node.Repeat.UNBOUNDED : bound(second, start);
        if (max != Node.Repeat.UNBOUNDED && (min > max || max == 0)) {
            pos = start;
            throw error("bad repeat interval {" + min + "," + max + "}");
        }
        return new int[] {min, max};
    }

    private int bound(String digits, int start) {
        if (digits.length() > 6 || Integer.parseInt(digits) > MAX_REPEAT) {
            pos = start;
            throw error("repeat interval too large (at most " + MAX_REPEAT + ")");
        }
        return Integer.parseInt(digits);
    }

    private Node atom() {
        char c = src.charAt(pos);
        switch (c) {
            case '(' -> {
                int open = pos;
                pos++;
                if (pos < src.length() && src.charAt(pos) == '?') throw error("group flags '(?' are not part of YARA's regex syntax");
                depth++;
                Node inner = alternation();
                depth--;
                if (pos >= src.length() || src.charAt(pos) != ')') {
                    pos = open;
                    throw error("'(' is never closed");
                }
                pos++;
                // A group stays a node of its own: (a*)* repeats the group (a** is an error), and
                // a range inside a group is not at the top level, where libyara chains.
                return new Node.Concat(List.of(inner));
            }
            case '[' -> {
                return new Node.One(charClass());
            }
            case '.' -> {
                pos++;
                return new Node.One(dotAll ? ByteClass.ANY : ByteClass.of('\n').complement());
            }
            case '^' -> {
                pos++;
                return new Node.Assert(Node.Kind.START_OF_DATA);
            }
            case '$' -> {
                pos++;
                return new Node.Assert(Node.Kind.END_OF_DATA);
            }
            case '*', '+', '?' -> throw error("nothing to repeat");
            case '\\' -> {
                int at = pos;
                pos++;
                if (pos >= src.length()) throw error("trailing backslash");
                char e = src.charAt(pos);
                if (e == 'b' || e == 'B') {
                    pos++;
                    return new Node.Assert(e == 'b' ? Node.Kind.WORD_BOUNDARY : Node.Kind.NOT_WORD_BOUNDARY);
                }
                pos = at;
                return new Node.One(fold(escape(false)));
            }
            default -> {
                pos++;
                return new Node.One(fold(ByteClass.of(byteOf(c, pos - 1))));
            }
        }
    }

    private ByteClass fold(ByteClass c) {
        return nocase ? c.foldAsciiCase() : c;
    }

    /** The byte set of the escape at {@code pos} (which holds the backslash). */
    private ByteClass escape(boolean inClass) {
        // every caller stands on a backslash; one at the very end escapes nothing
        if (pos + 1 >= src.length()) throw error("trailing backslash");
        pos++;
        char e = src.charAt(pos);
        pos++;
        return switch (e) {
            case 'w' -> WORD;
            case 'W' -> WORD.complement();
            case 's' -> SPACE;
            case 'S' -> SPACE.complement();
            case 'd' -> DIGIT;
            case 'D' -> DIGIT.complement();
            case 'n' -> ByteClass.of('\n');
            case 't' -> ByteClass.of('\t');
            case 'r' -> ByteClass.of('\r');
            case 'f' -> ByteClass.of('\f');
            case 'a' -> ByteClass.of(7);
            case 'x' -> ByteClass.of(hexEscape());
            case 'b' -> {
                if (inClass) yield ByteClass.of(8);
                throw error("unexpected \\b");
            }
            default -> ByteClass.of(byteOf(e, pos - 1));
        };
    }

    private int hexEscape() {
        if (pos + 2 > src.length() || Character.digit(src.charAt(pos), 16) < 0 || Character.digit(src.charAt(pos + 1), 16) < 0) {
            throw error("\\x must be followed by two hex digits");
        }
        int v = Character.digit(src.charAt(pos), 16) * 16 + Character.digit(src.charAt(pos + 1), 16);
        pos += 2;
        return v;
    }

    private ByteClass charClass() {
        int open = pos;
        pos++;
        boolean negate = false;
        if (pos < src.length() && src.charAt(pos) == '^') {
            negate = true;
            pos++;
        }
        ByteClass set = null;
        boolean first = true;
        while (true) {
            if (pos >= src.length()) {
                pos = open;
                throw error("'[' is never closed");
            }
            char c = src.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                break;
            }
            first = false;
            int lo;
            ByteClass item;
            if (c == '\\') {
                if (pos + 1 >= src.length()) throw error("trailing backslash");
                char e = src.charAt(pos + 1);
                item = escape(true);
                boolean single = item.size() == 1 && "wWsSdD".indexOf(e) < 0;
                lo = single ? item.values()[0] : -1;
            } else {
                pos++;
                lo = byteOf(c, pos - 1);
                item = ByteClass.of(lo);
            }
            if (lo >= 0 && pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
                int dash = pos;
                pos++;
                int hi;
                if (src.charAt(pos) == '\\') {
                    char e = src.charAt(Math.min(pos + 1, src.length() - 1));
                    ByteClass h = escape(true);
                    if (h.size() != 1 || "wWsSdD".indexOf(e) >= 0) {
                        pos = dash;
                        throw error("bad character range");
                    }
                    hi = h.values()[0];
                } else {
                    hi = byteOf(src.charAt(pos), pos);
                    pos++;
                }
                if (hi < lo) {
                    pos = dash;
                    throw error("bad character range " + (char) lo + "-" + (char) hi);
                }
                item = ByteClass.range(lo, hi);
            }
            set = set == null ? item : ByteClass.union(set, item);
        }
        // YARA folds case inside the class first: /[^c]/i rejects both c and C.
        set = fold(set);
        return negate ? set.complement() : set;
    }

    private int byteOf(char c, int at) {
        if (c > 0xFF) {
            pos = at;
            throw error("character U+" + String.format("%04X", (int) c) + " is not a single byte");
        }
        return c;
    }

    private PatternSyntaxException error(String reason) {
        return new PatternSyntaxException(src, Math.min(pos, src.length()) + 1, reason);
    }
}
