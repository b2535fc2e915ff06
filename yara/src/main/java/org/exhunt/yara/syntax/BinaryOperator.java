package org.exhunt.yara.syntax;

/**
 * Binary operators with YARA's precedence (higher binds tighter); all associate to the left.
 * Comparisons of the same level do not chain in YARA's grammar for strings, but the parser reads
 * them left-associatively like yacc does.
 */
public enum BinaryOperator {
    OR("or", 1), AND("and", 2),
    EQ("==", 4), NE("!=", 4), CONTAINS("contains", 4), ICONTAINS("icontains", 4),
    STARTSWITH("startswith", 4), ISTARTSWITH("istartswith", 4), ENDSWITH("endswith", 4),
    IENDSWITH("iendswith", 4), IEQUALS("iequals", 4), MATCHES("matches", 4),
    LT("<", 5), LE("<=", 5), GT(">", 5), GE(">=", 5),
    BIT_OR("|", 6), BIT_XOR("^", 7), BIT_AND("&", 8), SHL("<<", 9), SHR(">>", 9),
    ADD("+", 10), SUB("-", 10), MUL("*", 11), DIV("\\", 11), MOD("%", 11);

    /** Precedence of {@code not} and {@code defined}: between {@code and} and the comparisons. */
    public static final int PREFIX_LOGIC_PRECEDENCE = 3;
    /** Precedence of unary minus and {@code ~}: above every binary operator. */
    public static final int PREFIX_ARITHMETIC_PRECEDENCE = 12;

    private final String symbol;
    private final int precedence;

    BinaryOperator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }

    public boolean isStringOperator() {
        return precedence == 4 && this != EQ && this != NE;
    }

    public boolean isComparison() {
        return precedence == 4 || precedence == 5;
    }

    public boolean isBitwise() {
        return precedence >= 6 && precedence <= 9;
    }

    public boolean isArithmetic() {
        return precedence >= 10;
    }
}
