package org.exhunt.hunt.ioc;

import java.time.Instant;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.RetainedEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;

/** Web log events built field by field, keyed by the docs/fields.md names. */
final class TestEvent {

    static final SourceRef SOURCE = SourceRef.ofLine("u_ex210303.log", 42, 4096);
    static final Instant TIME = Instant.parse("2021-03-03T02:10:11Z");

    private TestEvent() {
    }

    static LogEvent of(String... keyValues) {
        return RetainedEvent.ofPairs(SourceKind.IIS_W3C, SOURCE, TIME, keyValues);
    }
}
