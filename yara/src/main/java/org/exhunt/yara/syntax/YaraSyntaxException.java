package org.exhunt.yara.syntax;

/**
 * Rule text that does not follow the YARA grammar. The only exception the lexer and parser throw
 * on bad input; it names the place and what was expected there.
 */
public final class YaraSyntaxException extends RuntimeException {

    private final transient Position position;
    private final String problem;

    public YaraSyntaxException(Position position, String problem) {
        super(position + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    public Position position() {
        return position;
    }

    /** The message without the position prefix. */
    public String problem() {
        return problem;
    }
}
