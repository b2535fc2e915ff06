package org.exhunt.hunt.evidence;

import java.util.Objects;
import org.exhunt.hunt.event.SourceKind;

/**
 * A discovered file and what its content says it is.
 *
 * @param file   the file
 * @param kind   the kind decided from the first bytes of the content
 * @param reason why the file is {@link SourceKind#UNKNOWN} (e.g. "empty file"); {@code null}
 *               when the file is readable
 */
public record Classified(EvidenceFile file, SourceKind kind, String reason) {
    public Classified {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether a reader exists for this file's kind. */
    public boolean readable() {
        return kind != SourceKind.UNKNOWN;
    }
}
