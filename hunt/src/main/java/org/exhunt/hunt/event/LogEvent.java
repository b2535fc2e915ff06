package org.exhunt.hunt.event;

import org.exhunt.sigma.SigmaEvent;

/**
 * An event read from evidence: the fields a rule can match (under both the Sigma taxonomy's
 * names and the log's native names) plus where it came from.
 */
public interface LogEvent extends SigmaEvent {

    /** The file, line or record and byte offset this event was read from. */
    SourceRef source();

    /** What kind of log the event came from. */
    SourceKind kind();
}
