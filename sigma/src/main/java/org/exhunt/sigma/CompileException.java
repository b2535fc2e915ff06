package org.exhunt.sigma;

/** Why a loaded rule cannot be compiled, with the line of the offending item. */
final class CompileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    CompileException(int line, String reason) {
        super(reason, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
