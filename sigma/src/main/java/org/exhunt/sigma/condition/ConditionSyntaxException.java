package org.exhunt.sigma.condition;

/** A condition that does not parse; the message names the condition and the 1-based column. */
public final class ConditionSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;

    ConditionSyntaxException(String condition, int column, String what) {
        super("condition '" + condition + "', column " + column + ": " + what);
        this.column = column;
    }

    /** 1-based position in the condition text where parsing stopped. */
    public int column() {
        return column;
    }
}
