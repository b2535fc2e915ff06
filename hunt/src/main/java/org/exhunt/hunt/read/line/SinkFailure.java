package org.exhunt.hunt.read.line;

/**
 * Carries an exception thrown by the event consumer through a reader's "bad input never throws"
 * net: a consumer's failure is the caller's, not the file's, and must reach the caller.
 */
public final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SinkFailure(RuntimeException cause) {
        super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
