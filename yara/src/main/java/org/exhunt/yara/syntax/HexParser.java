package org.exhunt.yara.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of a hex string (the text between the braces). YARA's rules: digits come in
 * pairs, either nibble may be {@code ?}, {@code ~} negates one byte; a sequence (the whole string
 * and each alternative) starts and ends with a byte or an alternation, never a jump; {@code [0]} is
 * refused (though {@code [0-0]} is not) and {@code min <= max}; jumps inside an alternation are bounded.
 */
final class HexParser {

    private final String id;
    private final String body;
    private final String file;
    private int offset;
    private int line;
    private int lineStart;
    private int depth;

    private HexParser(String id, String body, Position open) {
        this.id = id;
        this.body = body;
        this.file = open.file();
        this.line = open.line();
        // Column of body char i on the first line is open.column + 1 + i.
        this.lineStart = -open.column();
    }

    static List<HexToken> parse(String id, String body, Position open) {
        HexParser p = new HexParser(id, body, open);
        p.skipSpace();
        if (p.offset >= body.length()) {
            throw p.error(open, "empty hex string");
        }
        List<HexToken> tokens = p.sequence();
        p.skipSpace();
        if (p.offset < body.length()) {
            throw p.error(p.here(), "unexpected " + Lexer.printable(body.charAt(p.offset)));
        }
        return tokens;
    }

    private List<HexToken> sequence() {
        List<HexToken> out = new ArrayList<>();
        Position start = here();
        while (true) {
            skipSpace();
            if (offset >= body.length() || peek() == '|' || peek() == ')') {
                break;
            }
            Position at = here();
            HexToken t = token();
            if (t instanceof HexToken.Jump j) {
                if (out.isEmpty()) {
                    throw error(at, "a hex string or alternative cannot start with a jump");
                }
                if (depth > 0 && j.unbounded()) {
                    throw error(at, "unbounded jumps not allowed inside alternation (|)");
                }
            }
            out.add(t);
        }
        if (out.isEmpty()) {
            throw error(start, "empty alternative");
        }
        if (out.get(out.size() - 1) instanceof HexToken.Jump) {
            throw error(start, "a hex string or alternative cannot end with a jump");
        }
        return out;
    }

    private HexToken token() {
        Position at = here();
        char c = peek();
        if (c == '[') {
            return jump(at);
        }
        if (c == '(') {
            return alternation(at);
        }
        boolean negated = false;
        if (c == '~') {
            negated = true;
            offset++;
            skipSpace();
            at = here();
        }
        return hexByte(at, negated);
    }

    private HexToken hexByte(Position at, boolean negated) {
        int high = nibble(at);
        if (offset >= body.length() || !isNibble(peek())) {
            throw error(at, "uneven number of digits in hex string");
        }
        int low = nibble(at);
        int value = ((high < 0 ? 0 : high) << 4) | (low < 0 ? 0 : low);
        int mask = (high < 0 ? 0 : 0xF0) | (low < 0 ? 0 : 0x0F);
        if (negated && mask == 0) {
            throw error(at, "~?? is not allowed: negating a wildcard matches nothing");
        }
        return new HexToken.Byte(value, mask, negated);
    }

    /** A hex digit's value, or -1 for {@code ?}. */
    private int nibble(Position at) {
        if (offset >= body.length() || !isNibble(peek())) {
            String found = offset >= body.length() ? "end of hex string" : Lexer.printable(peek());
            throw error(at, "expected a hex byte, found " + found);
        }
        char c = body.charAt(offset++);
        return c == '?' ? -1 : Character.digit(c, 16);
    }

    private HexToken jump(Position at) {
        offset++;
        skipSpace();
        int min;
        int max;
        boolean exact = false;
        if (peek() == '-') {
            offset++;
            min = 0;
            max = -1;
        } else {
            min = number(at);
            skipSpace();
            if (peek() == '-') {
                offset++;
                skipSpace();
                max = Lexer.isDigit(peek()) ? number(at) : -1;
            } else {
                max = min;
                exact = true;
            }
        }
        skipSpace();
        if (peek() != ']') {
            throw error(here(), "expected \"]\" to close the jump");
        }
        offset++;
        if (max == 0 && min == max && exact) {
            // yarac refuses [0] but accepts [0-0].
            throw error(at, "invalid jump length");
        }
        if (max >= 0 && min > max) {
            throw error(at, "invalid jump range");
        }
        return new HexToken.Jump(min, max);
    }

    private int number(Position at) {
        int start = offset;
        while (Lexer.isDigit(peek())) {
            offset++;
        }
        if (start == offset) {
            throw error(here(), "expected a number in the jump");
        }
        try {
            return Integer.parseInt(body.substring(start, offset));
        } catch (NumberFormatException e) {
            throw error(at, "jump length too large");
        }
    }

    private HexToken alternation(Position at) {
        offset++;
        depth++;
        List<List<HexToken>> alternatives = new ArrayList<>();
        while (true) {
            alternatives.add(sequence());
            skipSpace();
            if (peek() == '|') {
                offset++;
            } else if (peek() == ')') {
                offset++;
                break;
            } else {
                throw error(at, "unclosed \"(\" in hex string");
            }
        }
        depth--;
        return new HexToken.Alternation(alternatives);
    }

    private void skipSpace() {
        while (offset < body.length()) {
            char c = body.charAt(offset);
            if (c == '\n') {
                offset++;
                line++;
                lineStart = offset;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                offset++;
            } else if (c == '/' && offset + 1 < body.length() && body.charAt(offset + 1) == '/') {
                while (offset < body.length() && body.charAt(offset) != '\n') {
                    offset++;
                }
            } else if (c == '/' && offset + 1 < body.length() && body.charAt(offset + 1) == '*') {
                int end = body.indexOf("*/", offset + 2);
                int stop = end < 0 ? body.length() : end + 2;
                for (int i = offset; i < stop; i++) {
                    if (body.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                offset = stop;
            } else {
                return;
            }
        }
    }

    private char peek() {
        return offset < body.length() ? body.charAt(offset) : '\0';
    }

    private static boolean isNibble(char c) {
        return c == '?' || Lexer.isHexDigit(c);
    }

    private Position here() {
        return new Position(file, line, offset - lineStart + 1);
    }

    private YaraSyntaxException error(Position at, String what) {
        return new YaraSyntaxException(at, "invalid hex string \"" + id + "\": " + what);
    }
}
