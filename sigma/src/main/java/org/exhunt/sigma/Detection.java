package org.exhunt.sigma;

import java.util.List;
import java.util.Map;

import org.exhunt.sigma.condition.Condition;

/**
 * A rule's {@code detection:} as read: named selections and the parsed conditions (several
 * conditions are OR-ed, as the specification says).
 */
record Detection(Map<String, Selection> selections, List<Condition> conditions, List<String> conditionTexts,
                 int conditionLine) {
    Detection {
        selections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(selections));
        conditions = List.copyOf(conditions);
        conditionTexts = List.copyOf(conditionTexts);
    }
}
