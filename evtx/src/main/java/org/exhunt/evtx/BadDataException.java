package org.exhunt.evtx;

/**
 * Content does not follow the format. Thrown inside the parser and always caught by the reader,
 * which turns it into an {@link EvtxProblem}; it never reaches a caller.
 */
final class BadDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadDataException(String message) {
        super(message, null, false, false);
    }
}
