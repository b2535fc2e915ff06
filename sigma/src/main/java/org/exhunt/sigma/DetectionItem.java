package org.exhunt.sigma;

import java.util.List;

/**
 * One {@code field|mod1|mod2: values} entry, or a keyword list when {@code field} is null.
 * Values are what YAML gave: String, Integer, Long, Double, Boolean or null.
 */
record DetectionItem(String field, List<String> modifiers, List<Object> values, int line) {
    DetectionItem {
        modifiers = List.copyOf(modifiers);
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
