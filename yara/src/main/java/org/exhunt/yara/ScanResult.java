package org.exhunt.yara;

import java.util.List;

/**
 * What scanning one buffer found: the matching rules in the order they were written, the rules
 * that did not match (only when {@link ScanOptions#reportNonMatching} asked for them), warnings
 * (a string capped at its maximum number of matches, a module that failed), and whether the time
 * budget ran out — then the answer covers only the rules evaluated before.
 */
public record ScanResult(List<YaraMatch> matches, List<YaraMatch> nonMatching, List<String> warnings, boolean timedOut) {

    public ScanResult {
        matches = List.copyOf(matches);
        nonMatching = List.copyOf(nonMatching);
        warnings = List.copyOf(warnings);
    }
}
