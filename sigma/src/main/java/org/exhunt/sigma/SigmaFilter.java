package org.exhunt.sigma;

import java.util.List;

/**
 * A Sigma filter document: a detection that, when it holds, suppresses the matches of the rules
 * it names (by id or name) for its logsource.
 */
record SigmaFilter(String id, String title, Logsource logsource, List<String> rules, Detection detection,
                   String source, int line) {
    SigmaFilter {
        rules = List.copyOf(rules);
    }

    /** Whether this filter tunes {@code rule}: the rule is named and the logsources agree. */
    boolean targets(SigmaRule rule) {
        boolean named = (rule.id() != null && rules.contains(rule.id()))
                || (rule.name() != null && rules.contains(rule.name()));
        return named && logsource.appliesTo(rule.logsource());
    }
}
