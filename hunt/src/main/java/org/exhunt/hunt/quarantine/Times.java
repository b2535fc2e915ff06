package org.exhunt.hunt.quarantine;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Instants as the manifest writes them: ISO-8601 in UTC, as precise as the source gives. */
final class Times {

    private Times() {
    }

    static String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now());
    }

    static String of(FileTime t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.toInstant());
    }

    static FileTime parse(String s) {
        if (s == null) return null;
        try {
            return FileTime.from(Instant.parse(s));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
