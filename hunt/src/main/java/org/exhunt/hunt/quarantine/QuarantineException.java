package org.exhunt.hunt.quarantine;

/** A problem that stops a whole quarantine or restore run (bad report, unusable folder); the message says what to do. */
public final class QuarantineException extends Exception {

    private static final long serialVersionUID = 1L;

    public QuarantineException(String message) {
        super(message);
    }

    public QuarantineException(String message, Throwable cause) {
        super(message, cause);
    }
}
