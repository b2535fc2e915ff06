package org.exhunt.hunt.event;

import org.exhunt.sigma.Logsource;
import org.exhunt.sigma.SigmaEvent;

/**
 * An event read from evidence: the fields a rule can match (under both the Sigma taxonomy's
 * names and the log's native names) plus where it came from.
 *
 * <p>Readers may hand out one reusable object per file for speed: an event passed to a consumer
 * is valid only during that call. Whoever keeps an event beyond the call keeps {@link #retain()}.
 */
public interface LogEvent extends SigmaEvent {

    /** The file, line or record and byte offset this event was read from. */
    SourceRef source();

    /** What kind of log the event came from. */
    SourceKind kind();

    /**
     * The Sigma logsource this event satisfies: the kind's, unless the event knows better (a
     * Windows event's channel and event ID decide it).
     */
    default Logsource logsource() {
        return kind().logsource();
    }

    /** An immutable copy that stays valid after the reader moves on (or this, if already immutable). */
    LogEvent retain();
}
