package org.exhunt.yara.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the body of a YARA hex string ({@code 4D 5A ?? ?0 ~00 [2-4] ( 01 | 02 03 )}, without
 * the braces) into a {@link Node}. Jumps become lazy repeats of any byte, which is how YARA gives
 * them the nearest continuation; {@code [n-]} and {@code [-]} are unbounded.
 */
final class HexParser {

    /** YARA refuses jumps longer than this inside an alternation. */
    static final int MAX_JUMP_IN_ALTERNATION = Limits.CHAINING_THRESHOLD;
    /** YARA caps the number of tokens of one hex string. */
    static final int MAX_TOKENS = 10_000;

    private final String src;
    private int pos;
    private int tokens;
    private int depth;

    private HexParser(String src) {
        this.src = src;
    }

    static Node parse(String source) {
        HexParser p = new HexParser(source);
        Node n = p.sequence();
        p.skipSpace();
        if (p.pos < source.length()) {
            throw p.error(source.charAt(p.pos) == ')' ? "unbalanced ')'" : "unexpected '" + source.charAt(p.pos) + "'");
        }
        return n;
    }

    /** A run of tokens; must begin and end with a byte or an alternation, never with a jump. */
    private Node sequence() {
        List<Node> items = new ArrayList<>();
        boolean lastWasJump = false;
        int lastJumpColumn = 0;
        while (true) {
            skipSpace();
            if (pos >= src.length() || src.charAt(pos) == '|' || src.charAt(pos) == ')') break;
            char c = src.charAt(pos);
            if (++tokens > MAX_TOKENS) throw error("more than " + MAX_TOKENS + " tokens");
            if (c == '[') {
                if (items.isEmpty()) throw error(depth > 0 ? "an alternative cannot begin with a jump" : "a hex string cannot begin with a jump");
                lastJumpColumn = pos + 1;
                items.add(jump());
                lastWasJump = true;
            } else if (c == '(') {
                int open = pos;
                pos++;
                depth++;
                List<Node> options = new ArrayList<>();
                options.add(sequence());
                while (pos < src.length() && src.charAt(pos) == '|') {
                    pos++;
                    options.add(sequence());
                }
                if (pos >= src.length() || src.charAt(pos) != ')') {
                    pos = open;
                    throw error("'(' is never closed");
                }
                pos++;
                depth--;
                items.add(new Node.Alt(options));
                lastWasJump = false;
            } else {
                items.add(byteToken());
                lastWasJump = false;
            }
        }
        if (items.isEmpty()) {
            throw error(depth > 0 ? "empty alternative" : "empty hex string");
        }
        if (lastWasJump) {
            throw new PatternSyntaxException(src, lastJumpColumn,
                    depth > 0 ? "an alternative cannot end with a jump" : "a hex string cannot end with a jump");
        }
        return items.size() == 1 ? items.get(0) : new Node.Concat(items);
    }

    private Node byteToken() {
        boolean negate = false;
        int start = pos;
        if (src.charAt(pos) == '~') {
            negate = true;
            pos++;
            skipSpace();
        }
        if (pos + 1 >= src.length()) {
            throw error(pos < src.length() ? "a byte needs two hex digits" : "'~' must be followed by a byte");
        }
        int hi = nibble(src.charAt(pos));
        int lo = nibble(src.charAt(pos + 1));
        if (hi == -2 || lo == -2) throw error("expected a hex byte such as 4D, 4?, ?? or ~00");
        pos += 2;
        int mask = (hi >= 0 ? 0xF0 : 0) | (lo >= 0 ? 0x0F : 0);
        int value = ((hi >= 0 ? hi : 0) << 4) | (lo >= 0 ? lo : 0);
        if (negate && mask == 0) {
            pos = start;
            throw error("'~??' negates nothing");
        }
        ByteClass accepts = ByteClass.masked(value, mask);
        return new Node.One(negate ? accepts.complement() : accepts);
    }

    /** -1 for '?', -2 for anything that is neither a hex digit nor '?'. */
    private static int nibble(char c) {
        if (c == '?') return -1;
        int d = Character.digit(c, 16);
        return d >= 0 && c < 128 ? d : -2;
    }

    private Node jump() {
        int open = pos;
        pos++;
        skipSpace();
        Integer from = number();
        skipSpace();
        Integer to;
        boolean range = false;
        if (pos < src.length() && src.charAt(pos) == '-') {
            range = true;
            pos++;
            skipSpace();
            to = number();
            skipSpace();
        } else {
            to = from;
        }
        if (pos >= src.length() || src.charAt(pos) != ']') throw error("expected ']' to close the jump");
        pos++;
        if (from == null && !range) {
            pos = open;
            throw error("empty jump '[]'");
        }
        int min = from == null ? 0 : from;
        int max = to == null ? Node.Repeat.UNBOUNDED : to;
        if (!range && min <= 0) {
            pos = open;
            throw error("invalid jump length " + min);
        }
        if (max != Node.Repeat.UNBOUNDED && min > max) {
            pos = open;
            throw error("invalid jump range [" + min + "-" + max + "]");
        }
        if (depth > 0) {
            if (max == Node.Repeat.UNBOUNDED) {
                pos = open;
                throw error("unbounded jumps are not allowed inside an alternation");
            }
            if (max > MAX_JUMP_IN_ALTERNATION) {
                pos = open;
                throw error("jumps over " + MAX_JUMP_IN_ALTERNATION + " are not allowed inside an alternation");
            }
        }
        return new Node.Repeat(new Node.One(ByteClass.ANY), min, max, false);
    }

    private Integer number() {
        int start = pos;
        long v = 0;
        while (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
            v = v * 10 + (src.charAt(pos) - '0');
            if (v > Integer.MAX_VALUE / 2) throw error("jump length too large");
            pos++;
        }
        return pos == start ? null : (int) v;
    }

    /** Blanks and the comments YARA allows inside hex strings. */
    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (src.startsWith("/*", pos)) {
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) throw error("comment is never closed");
                pos = end + 2;
            } else {
                break;
            }
        }
    }

    private PatternSyntaxException error(String reason) {
        return new PatternSyntaxException(src, Math.min(pos, src.length()) + 1, reason);
    }
}
