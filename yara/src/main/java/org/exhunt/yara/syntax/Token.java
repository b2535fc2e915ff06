package org.exhunt.yara.syntax;

/**
 * One token. {@code text} is the identifier name, the decoded bytes of a text string (one char
 * per byte), the regex or hex body as written, or the token's spelling; {@code number} holds the
 * value of an integer literal and {@code real} of a float literal.
 */
record Token(TokenKind kind, String text, long number, double real, String flags, Position pos) {

    String describe() {
        return switch (kind) {
            case IDENTIFIER -> "identifier \"" + text + "\"";
            case INTEGER, FLOAT -> "number " + text;
            case TEXT -> "text string";
            case STRING_ID, STRING_ID_WILDCARD, STRING_COUNT, STRING_OFFSET, STRING_LENGTH -> "\"" + text + "\"";
            default -> kind.describe();
        };
    }
}
