package org.exhunt.yara.syntax;

/** How many of a set must hold: {@code all}, {@code any}, {@code none}, a count, or a percentage. */
public record Quantifier(Kind kind, Expr amount, Position pos) {

    public enum Kind { ALL, ANY, NONE, COUNT, PERCENT }

    public Quantifier {
        if ((kind == Kind.COUNT || kind == Kind.PERCENT) != (amount != null)) {
            throw new IllegalArgumentException(kind + " quantifier with amount " + amount);
        }
    }
}
