package org.exhunt.yara.syntax;

/**
 * Splits YARA source into tokens on demand. The source is a string holding one char per byte
 * (ISO-8859-1), so columns and the contents of text strings are counted in bytes as YARA does.
 *
 * <p>Two tokens depend on context, as in YARA's own lexer: a slash always opens a regular
 * expression (division is the backslash), and an opening brace right after {@code =} opens a hex
 * string, whose body is handed over whole for {@link HexParser} to read.
 */
final class Lexer {

    static final int MAX_IDENTIFIER_LENGTH = 128;

    private final String file;
    private final String src;
    private int offset;
    private int line = 1;
    private int lineStart;
    private TokenKind previous;

    Lexer(String file, String src) {
        this.file = file;
        this.src = src;
    }

    Token next() {
        skipSpaceAndComments();
        Position pos = here();
        if (offset >= src.length()) {
            return emit(TokenKind.EOF, "", pos);
        }
        char c = src.charAt(offset);
        if (c == '{' && previous == TokenKind.ASSIGN) {
            return hexBody(pos);
        }
        if (isLetter(c) || c == '_') {
            return word(pos);
        }
        if (isDigit(c)) {
            return number(pos);
        }
        switch (c) {
            case '"':
                return text(pos);
            case '/':
                return regex(pos);
            case '$':
                return stringReference(pos, TokenKind.STRING_ID, true);
            case '#':
                return stringReference(pos, TokenKind.STRING_COUNT, false);
            case '@':
                return stringReference(pos, TokenKind.STRING_OFFSET, false);
            case '!':
                if (peekChar(1) == '=') {
                    return punct(TokenKind.NE, 2, pos);
                }
                return stringReference(pos, TokenKind.STRING_LENGTH, false);
            case '{':
                return punct(TokenKind.LBRACE, 1, pos);
            case '}':
                return punct(TokenKind.RBRACE, 1, pos);
            case '(':
                return punct(TokenKind.LPAREN, 1, pos);
            case ')':
                return punct(TokenKind.RPAREN, 1, pos);
            case '[':
                return punct(TokenKind.LBRACKET, 1, pos);
            case ']':
                return punct(TokenKind.RBRACKET, 1, pos);
            case ':':
                return punct(TokenKind.COLON, 1, pos);
            case ',':
                return punct(TokenKind.COMMA, 1, pos);
            case '.':
                return peekChar(1) == '.' ? punct(TokenKind.DOT_DOT, 2, pos) : punct(TokenKind.DOT, 1, pos);
            case '=':
                return peekChar(1) == '=' ? punct(TokenKind.EQ, 2, pos) : punct(TokenKind.ASSIGN, 1, pos);
            case '<':
                if (peekChar(1) == '<') {
                    return punct(TokenKind.SHL, 2, pos);
                }
                return peekChar(1) == '=' ? punct(TokenKind.LE, 2, pos) : punct(TokenKind.LT, 1, pos);
            case '>':
                if (peekChar(1) == '>') {
                    return punct(TokenKind.SHR, 2, pos);
                }
                return peekChar(1) == '=' ? punct(TokenKind.GE, 2, pos) : punct(TokenKind.GT, 1, pos);
            case '+':
                return punct(TokenKind.PLUS, 1, pos);
            case '-':
                return punct(TokenKind.MINUS, 1, pos);
            case '*':
                return punct(TokenKind.STAR, 1, pos);
            case '\\':
                return punct(TokenKind.BACKSLASH, 1, pos);
            case '%':
                return punct(TokenKind.PERCENT, 1, pos);
            case '&':
                return punct(TokenKind.AMP, 1, pos);
            case '|':
                return punct(TokenKind.PIPE, 1, pos);
            case '^':
                return punct(TokenKind.CARET, 1, pos);
            case '~':
                return punct(TokenKind.TILDE, 1, pos);
            default:
                throw new YaraSyntaxException(pos, "unexpected character " + printable(c));
        }
    }

    private void skipSpaceAndComments() {
        while (offset < src.length()) {
            char c = src.charAt(offset);
            if (c == '\n') {
                newLine(offset + 1);
                offset++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                offset++;
            } else if (c == '/' && peekChar(1) == '/') {
                while (offset < src.length() && src.charAt(offset) != '\n') {
                    offset++;
                }
            } else if (c == '/' && peekChar(1) == '*') {
                // Like yarac, a comment left open runs to the end of the file.
                skipBlockComment(false);
            } else {
                return;
            }
        }
    }

    private void skipBlockComment(boolean mustClose) {
        Position start = here();
        offset += 2;
        while (offset < src.length()) {
            char c = src.charAt(offset);
            if (c == '*' && peekChar(1) == '/') {
                offset += 2;
                return;
            }
            if (c == '\n') {
                newLine(offset + 1);
            }
            offset++;
        }
        if (mustClose) {
            throw new YaraSyntaxException(start, "unterminated comment");
        }
    }

    private Token word(Position pos) {
        int start = offset;
        while (offset < src.length() && isWordChar(src.charAt(offset))) {
            offset++;
        }
        String w = src.substring(start, offset);
        if (w.length() > MAX_IDENTIFIER_LENGTH) {
            throw new YaraSyntaxException(pos, "identifier too long (at most " + MAX_IDENTIFIER_LENGTH + " characters)");
        }
        TokenKind kw = TokenKind.keyword(w);
        return emit(kw != null ? kw : TokenKind.IDENTIFIER, w, pos);
    }

    private Token number(Position pos) {
        int start = offset;
        char c = src.charAt(offset);
        if (c == '0' && (peekChar(1) == 'x' || peekChar(1) == 'X') && isHexDigit(peekChar(2))) {
            offset += 2;
            return integer(start, offset, 16, pos);
        }
        if (c == '0' && peekChar(1) == 'o' && isOctalDigit(peekChar(2))) {
            offset += 2;
            return integer(start, offset, 8, pos);
        }
        while (offset < src.length() && isDigit(src.charAt(offset))) {
            offset++;
        }
        if (peekChar(0) == '.' && isDigit(peekChar(1))) {
            offset++;
            while (offset < src.length() && isDigit(src.charAt(offset))) {
                offset++;
            }
            String t = src.substring(start, offset);
            previous = TokenKind.FLOAT;
            return new Token(TokenKind.FLOAT, t, 0, Double.parseDouble(t), null, pos);
        }
        offset = start;
        return integer(start, start, 10, pos);
    }

    private Token integer(int start, int digitsStart, int radix, Position pos) {
        offset = digitsStart;
        while (offset < src.length() && Character.digit(src.charAt(offset), radix) >= 0) {
            offset++;
        }
        String digits = src.substring(digitsStart, offset);
        long multiplier = 1;
        if (radix == 10 && (src.startsWith("KB", offset) || src.startsWith("MB", offset))) {
            multiplier = src.charAt(offset) == 'K' ? 1024 : 1024 * 1024;
            offset += 2;
        }
        String t = src.substring(start, offset);
        long value;
        try {
            value = Math.multiplyExact(Long.parseLong(digits, radix), multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new YaraSyntaxException(pos, "integer overflow in \"" + t + "\"");
        }
        previous = TokenKind.INTEGER;
        return new Token(TokenKind.INTEGER, t, value, 0, null, pos);
    }

    private Token text(Position pos) {
        StringBuilder b = new StringBuilder();
        offset++;
        while (true) {
            if (offset >= src.length() || src.charAt(offset) == '\n') {
                throw new YaraSyntaxException(pos, "unterminated string");
            }
            char c = src.charAt(offset);
            if (c == '"') {
                offset++;
                break;
            }
            if (c != '\\') {
                b.append(c);
                offset++;
                continue;
            }
            Position escape = here();
            char e = peekChar(1);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '"' -> b.append('"');
                case '\\' -> b.append('\\');
                case 'x' -> {
                    if (!isHexDigit(peekChar(2)) || !isHexDigit(peekChar(3))) {
                        throw new YaraSyntaxException(escape, "illegal escape sequence: \\x needs two hex digits");
                    }
                    b.append((char) Integer.parseInt(src.substring(offset + 2, offset + 4), 16));
                    offset += 2;
                }
                default -> throw new YaraSyntaxException(escape,
                        "illegal escape sequence \\" + (e >= 0x21 && e < 0x7F ? String.valueOf(e) : printable(e)) + " (allowed: \\n \\t \\r \\\" \\\\ \\xHH)");
            }
            offset += 2;
        }
        previous = TokenKind.TEXT;
        return new Token(TokenKind.TEXT, b.toString(), 0, 0, null, pos);
    }

    private Token regex(Position pos) {
        offset++;
        int start = offset;
        while (true) {
            if (offset >= src.length() || src.charAt(offset) == '\n') {
                throw new YaraSyntaxException(pos, "unterminated regular expression");
            }
            char c = src.charAt(offset);
            if (c == '/') {
                break;
            }
            if (c == '\\') {
                if (peekChar(1) == '\n' || offset + 1 >= src.length()) {
                    throw new YaraSyntaxException(pos, "unterminated regular expression");
                }
                offset++;
            }
            offset++;
        }
        String body = src.substring(start, offset);
        offset++;
        // YARA's flags are "i" then "s", each at most once and in that order; anything else is the next token.
        int flagsStart = offset;
        if (peekChar(0) == 'i') {
            offset++;
        }
        if (peekChar(0) == 's') {
            offset++;
        }
        previous = TokenKind.REGEX;
        return new Token(TokenKind.REGEX, body, 0, 0, src.substring(flagsStart, offset), pos);
    }

    /** The body of a hex string, comments included; {@link HexParser} reads it. */
    private Token hexBody(Position pos) {
        offset++;
        int start = offset;
        while (true) {
            if (offset >= src.length()) {
                throw new YaraSyntaxException(pos, "unterminated hex string: missing \"}\"");
            }
            char c = src.charAt(offset);
            if (c == '}') {
                break;
            } else if (c == '\n') {
                newLine(offset + 1);
                offset++;
            } else if (c == '/' && peekChar(1) == '/') {
                while (offset < src.length() && src.charAt(offset) != '\n') {
                    offset++;
                }
            } else if (c == '/' && peekChar(1) == '*') {
                skipBlockComment(true);
            } else {
                offset++;
            }
        }
        String body = src.substring(start, offset);
        offset++;
        previous = TokenKind.HEX_BODY;
        return new Token(TokenKind.HEX_BODY, body, 0, 0, null, pos);
    }

    private Token stringReference(Position pos, TokenKind kind, boolean wildcardAllowed) {
        int start = offset;
        offset++;
        while (offset < src.length() && isWordChar(src.charAt(offset))) {
            offset++;
        }
        if (offset - start > MAX_IDENTIFIER_LENGTH) {
            throw new YaraSyntaxException(pos, "identifier too long (at most " + MAX_IDENTIFIER_LENGTH + " characters)");
        }
        if (wildcardAllowed && peekChar(0) == '*') {
            offset++;
            kind = TokenKind.STRING_ID_WILDCARD;
        }
        return emit(kind, src.substring(start, offset), pos);
    }

    private Token punct(TokenKind kind, int length, Position pos) {
        offset += length;
        return emit(kind, kind.spelling, pos);
    }

    private Token emit(TokenKind kind, String text, Position pos) {
        previous = kind;
        return new Token(kind, text, 0, 0, null, pos);
    }

    private void newLine(int nextLineStart) {
        line++;
        lineStart = nextLineStart;
    }

    private Position here() {
        return new Position(file, line, offset - lineStart + 1);
    }

    private char peekChar(int ahead) {
        int i = offset + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }

    static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isOctalDigit(char c) {
        return c >= '0' && c <= '7';
    }

    static String printable(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return "'" + c + "'";
        }
        return String.format("0x%02X", (int) c);
    }
}
