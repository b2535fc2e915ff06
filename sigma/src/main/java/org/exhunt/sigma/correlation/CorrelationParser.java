package org.exhunt.sigma.correlation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.exhunt.sigma.CorrelationRule;

/**
 * Turns one YAML document with a top-level {@code correlation:} key into a {@link CorrelationRule},
 * checking it against the Sigma v2.1 correlation specification.
 */
public final class CorrelationParser {

    private static final Set<String> SECTION_KEYS =
            Set.of("type", "rules", "group-by", "timespan", "condition", "aliases", "generate");

    private CorrelationParser() {
    }

    /**
     * Reads a correlation document.
     *
     * @param doc    the YAML document as plain maps, lists and scalars
     * @param source where it came from, kept in the rule
     * @param line   the line of the document's first key, kept in the rule
     * @throws IllegalArgumentException with a reason a rule author can act on
     */
    public static CorrelationRule parse(Map<String, Object> doc, String source, int line) {
        if (doc == null) {
            throw new IllegalArgumentException("the correlation document is empty");
        }
        String title = text(doc, "title");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a correlation rule needs a 'title'");
        }
        Object sectionValue = doc.get("correlation");
        if (!(sectionValue instanceof Map<?, ?> section)) {
            throw new IllegalArgumentException("'correlation' must be a mapping with type, rules, group-by,"
                    + " timespan and condition, not " + describe(sectionValue));
        }
        for (Object key : section.keySet()) {
            if (!SECTION_KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("correlation." + key + " is not a correlation attribute;"
                        + " expected one of " + String.join(", ", new TreeSet<>(SECTION_KEYS)));
            }
        }
        CorrelationType type = type(section.get("type"));
        List<String> rules = ruleRefs(section.get("rules"));
        List<String> groupBy = groupBy(section.get("group-by"));
        Duration timespan = timespan(section.get("timespan"));
        CorrelationCondition condition = ConditionParser.parse(section.get("condition"), type, rules.size());
        boolean generate = generate(section.get("generate"));
        Map<String, Map<String, String>> aliases = aliases(section.get("aliases"));

        return new CorrelationRule(
                text(doc, "id"),
                text(doc, "name"),
                title,
                text(doc, "description"),
                text(doc, "status"),
                text(doc, "level"),
                stringList(doc.get("tags"), "tags"),
                type,
                rules,
                groupBy,
                timespan,
                condition,
                generate,
                aliases,
                source,
                line);
    }

    private static CorrelationType type(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("correlation.type is missing; expected one of "
                    + CorrelationType.keywords());
        }
        CorrelationType type = CorrelationType.fromKeyword(String.valueOf(value));
        if (type == null) {
            throw new IllegalArgumentException("correlation.type '" + value + "' is not a correlation type;"
                    + " expected one of " + CorrelationType.keywords());
        }
        return type;
    }

    private static List<String> ruleRefs(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("correlation.rules is missing; list the id or name of each"
                    + " rule to correlate");
        }
        List<String> refs = stringList(value, "correlation.rules");
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("correlation.rules is empty; list the id or name of each rule"
                    + " to correlate");
        }
        Set<String> seen = new HashSet<>();
        for (String ref : refs) {
            if (ref.isBlank()) {
                throw new IllegalArgumentException("correlation.rules holds an empty reference");
            }
            if (!seen.add(ref)) {
                throw new IllegalArgumentException("correlation.rules lists '" + ref + "' twice");
            }
        }
        return refs;
    }

    private static List<String> groupBy(Object value) {
        List<String> fields = stringList(value, "correlation.group-by");
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            if (field.isBlank()) {
                throw new IllegalArgumentException("correlation.group-by holds an empty field name");
            }
            if (!seen.add(field)) {
                throw new IllegalArgumentException("correlation.group-by lists '" + field + "' twice");
            }
        }
        return fields;
    }

    private static Duration timespan(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("correlation.timespan is missing; expected e.g. 5m, 1h or 1d");
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("correlation.timespan '" + value + "' needs a unit;"
                    + " expected a whole number followed by s, m, h, d or w (e.g. 5m)");
        }
        try {
            return Timespans.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("correlation." + e.getMessage(), e);
        }
    }

    private static boolean generate(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new IllegalArgumentException("correlation.generate must be true or false, not " + describe(value));
    }

    private static Map<String, Map<String, String>> aliases(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("correlation.aliases must map each alias to"
                    + " {rule name: field}, not " + describe(value));
        }
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String alias = String.valueOf(entry.getKey());
            if (!(entry.getValue() instanceof Map<?, ?> perRule) || perRule.isEmpty()) {
                throw new IllegalArgumentException("correlation.aliases." + alias
                        + " must map each referenced rule's name to the field that stands for the alias");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<?, ?> ruleField : perRule.entrySet()) {
                // Whether the rule is one of the referenced ones is checked when references are
                // resolved: an alias may name a rule by name while correlation.rules uses its id.
                String rule = String.valueOf(ruleField.getKey());
                Object field = ruleField.getValue();
                if (field == null || field instanceof Map || field instanceof List || String.valueOf(field).isBlank()) {
                    throw new IllegalArgumentException("correlation.aliases." + alias + "." + rule
                            + " must be a field name, not " + describe(field));
                }
                fields.put(rule, String.valueOf(field));
            }
            aliases.put(alias, fields);
        }
        return aliases;
    }

    private static String text(Map<String, Object> doc, String key) {
        Object value = doc.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("'" + key + "' must be a single value, not " + describe(value));
        }
        return String.valueOf(value);
    }

    /** A scalar or a list of scalars, as strings; absent means empty. */
    static List<String> stringList(Object value, String what) {
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item == null || item instanceof Map || item instanceof List) {
                    throw new IllegalArgumentException(what + " must hold plain values, not " + describe(item));
                }
                result.add(String.valueOf(item));
            }
            return result;
        }
        if (value instanceof Map) {
            throw new IllegalArgumentException(what + " must be a value or a list of values, not " + describe(value));
        }
        result.add(String.valueOf(value));
        return result;
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
