package org.exhunt.server.api;

/** An API answer other than success: the status and a message the caller can act on. */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
