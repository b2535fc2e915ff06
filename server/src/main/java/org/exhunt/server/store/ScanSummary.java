package org.exhunt.server.store;

import java.time.Instant;
import java.util.List;

/** A stored scan without its report body. */
public record ScanSummary(String id, String host, String verdict, String exposureBuild, List<String> exposureCves,
                          int findings, Instant scanTime, Instant received) {

    /** When the scan ran, or when it arrived if the report does not say. */
    public Instant when() {
        return scanTime != null ? scanTime : received;
    }
}
