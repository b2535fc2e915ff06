package org.exhunt.hunt.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What became of one input file: the report accounts for every file, read or not.
 *
 * @param path     the file as the user named it ({@code archive.zip!/inner/path} inside archives)
 * @param kind     the kind of evidence it was recognised as ({@code iis-w3c}, {@code exchange-httpproxy}, …, {@code unknown})
 * @param events   how many events were read from it
 * @param first    the earliest event time, or {@code null} when no event carried one
 * @param last     the latest event time, or {@code null}
 * @param status   {@code read}, {@code partial} (read with problems), {@code skipped} (not a kind we read) or {@code failed}
 * @param reason   why it was skipped, only partly read or failed; {@code null} when fully read
 * @param warnings problems that did not stop reading (bad lines, unknown columns), in file order
 */
public record FileCoverage(String path, String kind, long events, Instant first, Instant last,
                           String status, String reason, List<String> warnings) {

    public static final String READ = "read";
    public static final String PARTIAL = "partial";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";

    /** The statuses a report knows, in the order reports list them. */
    public static final List<String> STATUSES = List.of(READ, PARTIAL, SKIPPED, FAILED);
    private static final Set<String> KNOWN = Set.copyOf(STATUSES);

    public FileCoverage {
        Objects.requireNonNull(path, "coverage path");
        Objects.requireNonNull(kind, "coverage kind of " + path);
        if (!KNOWN.contains(status)) {
            throw new IllegalArgumentException("coverage status of " + path + " is '" + status
                    + "', expected one of " + STATUSES);
        }
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static FileCoverage read(String path, String kind, long events, Instant first, Instant last) {
        return new FileCoverage(path, kind, events, first, last, READ, null, List.of());
    }

    public static FileCoverage skipped(String path, String kind, String reason) {
        return new FileCoverage(path, kind, 0, null, null, SKIPPED, reason, List.of());
    }

    public static FileCoverage failed(String path, String kind, String reason) {
        return new FileCoverage(path, kind, 0, null, null, FAILED, reason, List.of());
    }
}
