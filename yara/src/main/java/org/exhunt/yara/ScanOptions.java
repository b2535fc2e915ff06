package org.exhunt.yara;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to scan one buffer: values of external variables for this buffer (they replace the
 * defaults the rules were compiled with; a name the rules do not declare is ignored), a time
 * budget ({@link Duration#ZERO} for none), whether to list the rules that did not match, and
 * whether to keep the matched strings (off saves memory when only rule names are needed), and
 * YARA's fast mode: a string that conditions only test for presence keeps its first match alone
 * (strings that are counted or located, {@code #a}, {@code @a}, {@code $a at}, keep them all).
 */
public record ScanOptions(Map<String, Object> externals, Duration timeout, boolean reportNonMatching,
                          boolean keepStrings, boolean fastMode) {

    public ScanOptions {
        externals = Map.copyOf(externals);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
    }

    /** No externals, no time budget, matching rules only, strings kept. */
    public static ScanOptions defaults() {
        return new ScanOptions(Map.of(), Duration.ZERO, false, true, false);
    }

    public ScanOptions withExternals(Map<String, Object> values) {
        return new ScanOptions(values, timeout, reportNonMatching, keepStrings, fastMode);
    }

    public ScanOptions withTimeout(Duration budget) {
        return new ScanOptions(externals, budget, reportNonMatching, keepStrings, fastMode);
    }

    public ScanOptions withNonMatching(boolean report) {
        return new ScanOptions(externals, timeout, report, keepStrings, fastMode);
    }

    public ScanOptions withStrings(boolean keep) {
        return new ScanOptions(externals, timeout, reportNonMatching, keep, fastMode);
    }

    public ScanOptions withFastMode(boolean fast) {
        return new ScanOptions(externals, timeout, reportNonMatching, keepStrings, fast);
    }
}
