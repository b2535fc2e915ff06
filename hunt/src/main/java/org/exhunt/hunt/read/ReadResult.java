package org.exhunt.hunt.read;

import java.time.Instant;
import java.util.List;

/**
 * What reading one file gave: how many events, their time range, and anything that went wrong.
 *
 * @param events   events handed to the consumer
 * @param first    earliest event timestamp, or {@code null} when no event had one
 * @param last     latest event timestamp, or {@code null}
 * @param warnings lines skipped or read with doubt, each naming line and byte offset
 * @param error    why reading stopped early, naming where; {@code null} when it read to the end
 */
public record ReadResult(long events, Instant first, Instant last, List<String> warnings, String error) {

    public ReadResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** "read" (clean), "partial" (warnings, or an error after some events), "failed" (error, no events). */
    public String status() {
        if (error != null) return events > 0 ? "partial" : "failed";
        return warnings.isEmpty() ? "read" : "partial";
    }
}
