package org.exhunt.hunt.scan;

import java.util.Objects;
import org.exhunt.hunt.event.RetainedEvent;

/**
 * A match of a rule that a Sigma correlation refers to, held back from correlating so that the
 * correlation can see the matches of all of a server's files, wherever they were read. It keeps
 * only what correlating needs: the event's time and source, the fields the correlations read from
 * it (group-by and value fields) and the actor fields a correlation finding names.
 *
 * @param rule   the rule's position among the loaded Sigma rules of the {@link FileHunter} that
 *               held it; a hunter compiled from the same rules finds it there again
 * @param ruleId the rule's id (or {@code null}), to notice a hunter with other rules
 * @param event  the snapshot of the matched event
 */
public record HeldMatch(int rule, String ruleId, RetainedEvent event) {
    public HeldMatch {
        Objects.requireNonNull(event, "event");
    }
}
