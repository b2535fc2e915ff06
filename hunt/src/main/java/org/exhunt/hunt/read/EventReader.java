package org.exhunt.hunt.read;

import java.util.function.Consumer;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.event.LogEvent;

/**
 * Reads the events of one file, in file order, into a consumer. Never throws for bad content:
 * problems end up in the {@link ReadResult}. One call handles one file on the calling thread;
 * different files may be read from several threads at once.
 *
 * <p>The event passed to the consumer may be reused for the next one; keep
 * {@link LogEvent#retain()} to hold on to it.
 */
public interface EventReader {
    ReadResult read(EvidenceFile file, Consumer<LogEvent> sink);
}
