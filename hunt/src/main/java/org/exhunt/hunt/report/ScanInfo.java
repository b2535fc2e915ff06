package org.exhunt.hunt.report;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the scan was run: enough for a reader of the report to know what was looked at and with what.
 *
 * @param id        a unique name of this scan run
 * @param inputs    the paths the user gave, as given
 * @param host      the Exchange server the evidence belongs to, or {@code null} when unknown
 * @param events    events read over all inputs
 * @param threads   worker threads used
 * @param since     the lower time bound the user asked for, or {@code null}
 * @param until     the upper time bound the user asked for, or {@code null}
 * @param rules     rules loaded per engine, e.g. {@code sigma → 3740, ioc → 812}
 * @param failLevel the lowest finding level that makes the scan fail (exit code 1)
 */
public record ScanInfo(String id, Instant started, Instant finished, List<String> inputs, String host,
                       long events, int threads, Instant since, Instant until,
                       Map<String, Integer> rules, String failLevel) {
    public ScanInfo {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        // Sorted so two runs with the same engines write the same bytes.
        rules = rules == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(rules));
    }
}
