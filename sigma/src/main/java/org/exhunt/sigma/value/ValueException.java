package org.exhunt.sigma.value;

/**
 * A detection item that cannot be compiled: an unknown modifier, a combination the
 * specification does not allow, or a value the modifiers cannot take. The message names the
 * modifier or value at fault in words a rule author can act on.
 */
public final class ValueException extends Exception {
    private static final long serialVersionUID = 1L;

    public ValueException(String message) {
        super(message);
    }

    public ValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
