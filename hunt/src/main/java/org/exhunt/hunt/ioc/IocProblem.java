package org.exhunt.hunt.ioc;

/**
 * A line of an IOC list that could not be used. Problems never stop loading: the rest of the
 * list is kept.
 *
 * @param source the file or resource name
 * @param line   1-based line number, 0 when the problem concerns the whole source
 * @param reason what is wrong and what was expected
 */
public record IocProblem(String source, int line, String reason) {
    @Override
    public String toString() {
        return source + ":" + line + ": " + reason;
    }
}
