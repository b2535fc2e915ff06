package org.exhunt.sigma;

/** Why one document cannot be read, with the line of the offending node; becomes a {@link RuleProblem}. */
final class LoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    LoadException(int line, String reason) {
        super(reason, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
