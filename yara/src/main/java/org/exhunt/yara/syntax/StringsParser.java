package org.exhunt.yara.syntax;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code strings:} section: identifiers, the three kinds of string, and their modifiers with
 * YARA's rules on which modifiers fit which kind and which combine.
 */
final class StringsParser {

    private static final Set<TokenKind> TEXT_MODIFIERS = EnumSet.of(TokenKind.NOCASE, TokenKind.WIDE,
            TokenKind.ASCII, TokenKind.FULLWORD, TokenKind.PRIVATE, TokenKind.XOR, TokenKind.BASE64,
            TokenKind.BASE64WIDE);
    private static final Set<TokenKind> REGEX_MODIFIERS = EnumSet.of(TokenKind.NOCASE, TokenKind.WIDE,
            TokenKind.ASCII, TokenKind.FULLWORD, TokenKind.PRIVATE);
    private static final Set<TokenKind> HEX_MODIFIERS = EnumSet.of(TokenKind.PRIVATE);

    private final TokenStream in;

    StringsParser(TokenStream in) {
        this.in = in;
    }

    List<StringDef> section() {
        in.next();
        in.expect(TokenKind.COLON, "after \"strings\"");
        List<StringDef> out = new ArrayList<>();
        do {
            out.add(definition());
        } while (in.at(TokenKind.STRING_ID) || in.at(TokenKind.STRING_ID_WILDCARD));
        return out;
    }

    private StringDef definition() {
        Token id = in.expect(TokenKind.STRING_ID, "(a string identifier such as $a)");
        in.expect(TokenKind.ASSIGN, "after \"" + id.text() + "\"");
        Token value = in.peek();
        switch (value.kind()) {
            case TEXT -> {
                in.next();
                if (value.text().isEmpty()) {
                    throw new YaraSyntaxException(value.pos(), "empty string \"" + id.text() + "\"");
                }
                Modifiers m = modifiers(id, TEXT_MODIFIERS, "text strings");
                return new StringDef.Text(id.text(), value.text(), m, id.pos());
            }
            case HEX_BODY -> {
                in.next();
                List<HexToken> tokens = HexParser.parse(id.text(), value.text(), value.pos());
                Modifiers m = modifiers(id, HEX_MODIFIERS, "hex strings");
                return new StringDef.Hex(id.text(), tokens, m, id.pos());
            }
            case REGEX -> {
                in.next();
                Regex regex = regex(value);
                if (regex.source().isEmpty()) {
                    throw new YaraSyntaxException(value.pos(), "empty regular expression \"" + id.text() + "\"");
                }
                Modifiers m = modifiers(id, REGEX_MODIFIERS, "regular expressions");
                return new StringDef.RegexString(id.text(), regex, m, id.pos());
            }
            default -> throw in.unexpected("a text string, hex string or regular expression for \"" + id.text() + "\"");
        }
    }

    static Regex regex(Token t) {
        return new Regex(t.text(), t.flags().indexOf('i') >= 0, t.flags().indexOf('s') >= 0);
    }

    private Modifiers modifiers(Token id, Set<TokenKind> allowed, String kindName) {
        Set<TokenKind> seen = EnumSet.noneOf(TokenKind.class);
        int xorMin = 0;
        int xorMax = 0;
        String alphabet = null;
        while (isModifier(in.peek().kind())) {
            Token m = in.next();
            if (!allowed.contains(m.kind())) {
                throw new YaraSyntaxException(m.pos(), "modifier \"" + m.text() + "\" is not allowed on " + kindName);
            }
            if (!seen.add(m.kind())) {
                throw new YaraSyntaxException(m.pos(), "duplicated modifier \"" + m.text() + "\"");
            }
            if (m.kind() == TokenKind.XOR) {
                xorMax = 255;
                if (in.accept(TokenKind.LPAREN)) {
                    Token lo = in.expect(TokenKind.INTEGER, "(the xor key) after \"xor(\"");
                    checkXorKey(lo);
                    xorMin = (int) lo.number();
                    xorMax = xorMin;
                    if (in.accept(TokenKind.MINUS)) {
                        Token hi = in.expect(TokenKind.INTEGER, "(the highest xor key)");
                        checkXorKey(hi);
                        xorMax = (int) hi.number();
                        if (xorMin > xorMax) {
                            throw new YaraSyntaxException(lo.pos(), "xor lower bound exceeds upper bound");
                        }
                    }
                    in.expect(TokenKind.RPAREN, "to close \"xor(\"");
                }
            }
            if ((m.kind() == TokenKind.BASE64 || m.kind() == TokenKind.BASE64WIDE) && in.accept(TokenKind.LPAREN)) {
                Token a = in.expect(TokenKind.TEXT, "(the base64 alphabet) after \"" + m.text() + "(\"");
                if (a.text().length() != 64) {
                    throw new YaraSyntaxException(a.pos(), "length of base64 alphabet must be 64, not " + a.text().length());
                }
                if (alphabet != null && !alphabet.equals(a.text())) {
                    throw new YaraSyntaxException(a.pos(), "base64 and base64wide must use the same alphabet");
                }
                alphabet = a.text();
                in.expect(TokenKind.RPAREN, "to close the base64 alphabet");
            }
        }
        checkCombinations(id, seen);
        return new Modifiers(seen.contains(TokenKind.NOCASE), seen.contains(TokenKind.WIDE),
                seen.contains(TokenKind.ASCII), seen.contains(TokenKind.FULLWORD), seen.contains(TokenKind.PRIVATE),
                seen.contains(TokenKind.XOR), xorMin, xorMax,
                seen.contains(TokenKind.BASE64), seen.contains(TokenKind.BASE64WIDE), alphabet);
    }

    private static void checkXorKey(Token t) {
        if (t.number() < 0 || t.number() > 255) {
            throw new YaraSyntaxException(t.pos(), "invalid xor range: keys are 0 to 255");
        }
    }

    private static void checkCombinations(Token id, Set<TokenKind> seen) {
        if (seen.contains(TokenKind.XOR) && seen.contains(TokenKind.NOCASE)) {
            throw combination(id, "xor nocase");
        }
        if (seen.contains(TokenKind.BASE64) || seen.contains(TokenKind.BASE64WIDE)) {
            String b = seen.contains(TokenKind.BASE64) ? "base64" : "base64wide";
            for (TokenKind other : List.of(TokenKind.NOCASE, TokenKind.XOR, TokenKind.FULLWORD)) {
                if (seen.contains(other)) {
                    throw combination(id, b + " " + other.spelling);
                }
            }
        }
    }

    private static YaraSyntaxException combination(Token id, String which) {
        return new YaraSyntaxException(id.pos(), "invalid modifier combination: " + which + " (string \"" + id.text() + "\")");
    }

    private static boolean isModifier(TokenKind k) {
        return TEXT_MODIFIERS.contains(k);
    }
}
