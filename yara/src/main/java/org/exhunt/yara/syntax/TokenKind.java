package org.exhunt.yara.syntax;

import java.util.HashMap;
import java.util.Map;

/** The kinds of token in YARA source; keywords carry their spelling. */
enum TokenKind {
    // literals and names
    IDENTIFIER, INTEGER, FLOAT, TEXT, REGEX, HEX_BODY,
    STRING_ID, STRING_ID_WILDCARD, STRING_COUNT, STRING_OFFSET, STRING_LENGTH,
    // punctuation and operators
    LBRACE("{"), RBRACE("}"), LPAREN("("), RPAREN(")"), LBRACKET("["), RBRACKET("]"),
    COLON(":"), COMMA(","), DOT("."), DOT_DOT(".."), ASSIGN("="),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    PLUS("+"), MINUS("-"), STAR("*"), BACKSLASH("\\"), PERCENT("%"),
    AMP("&"), PIPE("|"), CARET("^"), TILDE("~"), SHL("<<"), SHR(">>"),
    // keywords
    ALL("all", true), AND("and", true), ANY("any", true), ASCII("ascii", true), AT("at", true),
    BASE64("base64", true), BASE64WIDE("base64wide", true), CONDITION("condition", true),
    CONTAINS("contains", true), DEFINED("defined", true), ENDSWITH("endswith", true),
    ENTRYPOINT("entrypoint", true), FALSE("false", true), FILESIZE("filesize", true), FOR("for", true),
    FULLWORD("fullword", true), GLOBAL("global", true), ICONTAINS("icontains", true),
    IENDSWITH("iendswith", true), IEQUALS("iequals", true), IMPORT("import", true), IN("in", true),
    INCLUDE("include", true), ISTARTSWITH("istartswith", true), MATCHES("matches", true),
    META("meta", true), NOCASE("nocase", true), NONE("none", true), NOT("not", true), OF("of", true),
    OR("or", true), PRIVATE("private", true), RULE("rule", true), STARTSWITH("startswith", true),
    STRINGS("strings", true), THEM("them", true), TRUE("true", true), WIDE("wide", true),
    XOR("xor", true),
    INT8("int8", true), INT16("int16", true), INT32("int32", true),
    INT8BE("int8be", true), INT16BE("int16be", true), INT32BE("int32be", true),
    UINT8("uint8", true), UINT16("uint16", true), UINT32("uint32", true),
    UINT8BE("uint8be", true), UINT16BE("uint16be", true), UINT32BE("uint32be", true),
    EOF;

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        for (TokenKind k : values()) {
            if (k.keyword) {
                KEYWORDS.put(k.spelling, k);
            }
        }
    }

    final String spelling;
    final boolean keyword;

    TokenKind() {
        this(null, false);
    }

    TokenKind(String spelling) {
        this(spelling, false);
    }

    TokenKind(String spelling, boolean keyword) {
        this.spelling = spelling;
        this.keyword = keyword;
    }

    static TokenKind keyword(String word) {
        return KEYWORDS.get(word);
    }

    /** How the token reads in a message: its spelling in quotes, or its kind in words. */
    String describe() {
        if (spelling != null) {
            return "\"" + spelling + "\"";
        }
        return switch (this) {
            case IDENTIFIER -> "an identifier";
            case INTEGER -> "a number";
            case FLOAT -> "a floating-point number";
            case TEXT -> "a text string";
            case REGEX -> "a regular expression";
            case HEX_BODY -> "a hex string";
            case STRING_ID, STRING_ID_WILDCARD -> "a string identifier";
            case STRING_COUNT -> "a string count";
            case STRING_OFFSET -> "a string offset";
            case STRING_LENGTH -> "a string length";
            case EOF -> "end of file";
            default -> name();
        };
    }

    boolean isIntegerFunction() {
        return ordinal() >= INT8.ordinal() && ordinal() <= UINT32BE.ordinal();
    }
}
