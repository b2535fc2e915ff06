package org.exhunt.hunt.read;

import org.exhunt.hunt.event.SourceKind;

/** The reader for each readable kind of evidence. */
public final class Readers {

    private Readers() {
    }

    /**
     * The reader for files of the given kind.
     *
     * @throws IllegalArgumentException for {@link SourceKind#UNKNOWN}, which has no reader
     */
    public static EventReader forKind(SourceKind kind) {
        throw new IllegalArgumentException("no reader for " + kind.id());
    }
}
