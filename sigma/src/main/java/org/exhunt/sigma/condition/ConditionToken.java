package org.exhunt.sigma.condition;

/** One word or bracket of a condition, with its 1-based column for error messages. */
record ConditionToken(Kind kind, String text, int column) {
    enum Kind { OPEN, CLOSE, AND, OR, NOT, OF, ALL, THEM, PIPE, WORD, END }

    static ConditionToken word(String text, int column) {
        Kind kind = switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "and" -> Kind.AND;
            case "or" -> Kind.OR;
            case "not" -> Kind.NOT;
            case "of" -> Kind.OF;
            case "all" -> Kind.ALL;
            case "them" -> Kind.THEM;
            default -> Kind.WORD;
        };
        return new ConditionToken(kind, text, column);
    }
}
