package org.exhunt.yara.syntax;

/** Prefix operators. */
public enum UnaryOperator {
    NOT("not"), DEFINED("defined"), MINUS("-"), BIT_NOT("~");

    private final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return this == NOT || this == DEFINED
                ? BinaryOperator.PREFIX_LOGIC_PRECEDENCE : BinaryOperator.PREFIX_ARITHMETIC_PRECEDENCE;
    }
}
