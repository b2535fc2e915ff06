package org.exhunt.yara;

import org.exhunt.yara.syntax.Position;

/** A semantic error found while checking one rule; the checker stops at the rule's first one. */
final class CheckFailure extends RuntimeException {

    private final transient Position position;

    CheckFailure(Position position, String message) {
        super(message, null, false, false);
        this.position = position;
    }

    Position position() {
        return position;
    }
}
