package org.exhunt.sigma;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.exhunt.sigma.correlation.CorrelationCondition;
import org.exhunt.sigma.correlation.CorrelationType;

/**
 * One Sigma correlation rule as it was written: a meta-rule that relates the matches of other
 * rules (or of other correlations) in time, per group of field values. Immutable.
 *
 * @param id          the rule's {@code id:}, or {@code null}
 * @param name        the rule's {@code name:} (what other correlations refer to), or {@code null}
 * @param title       the rule's {@code title:}
 * @param description as written, or {@code null}
 * @param status      as written, or {@code null}
 * @param level       as written, or {@code null}
 * @param tags        as written
 * @param type        what the correlation computes
 * @param ruleRefs    the referenced rules, by {@code id} or {@code name}, in the written order
 * @param groupBy     the fields (or alias names) whose values must agree; may be empty
 * @param timespan    how far apart in time correlated events may be
 * @param condition   when the correlation matches
 * @param generate    whether the referenced rules also report their own matches
 * @param aliases     alias name → (rule reference → event field of that rule's matches)
 * @param source      the file (or named text) the rule came from
 * @param line        the 1-based line of the rule's first key, 0 when unknown
 */
public record CorrelationRule(
        String id,
        String name,
        String title,
        String description,
        String status,
        String level,
        List<String> tags,
        CorrelationType type,
        List<String> ruleRefs,
        List<String> groupBy,
        Duration timespan,
        CorrelationCondition condition,
        boolean generate,
        Map<String, Map<String, String>> aliases,
        String source,
        int line) {

    public CorrelationRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timespan, "timespan");
        Objects.requireNonNull(condition, "condition");
        tags = List.copyOf(tags);
        ruleRefs = List.copyOf(ruleRefs);
        groupBy = List.copyOf(groupBy);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        aliases.forEach((alias, mapping) -> copy.put(alias, Map.copyOf(mapping)));
        aliases = Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return (id == null ? "" : id + " ") + "'" + title + "' (" + type + ", " + source + ":" + line + ")";
    }
}
