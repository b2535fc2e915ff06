package org.exhunt.hunt.rules;

import java.time.Instant;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.RetainedEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;

/** Events given as field/value pairs under the docs/fields.md names; lookups ignore case. */
final class FieldEvent {

    private static final SourceRef SOURCE = SourceRef.ofLine("case.log", 1, 0);
    private static final Instant TIME = Instant.parse("2021-03-03T02:10:11Z");

    private FieldEvent() {
    }

    static LogEvent of(String... keyValues) {
        return RetainedEvent.ofPairs(SourceKind.IIS_W3C, SOURCE, TIME, keyValues);
    }
}
