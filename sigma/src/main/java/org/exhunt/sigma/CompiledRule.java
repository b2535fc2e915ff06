package org.exhunt.sigma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A rule ready to test events: its boolean tree (filters included), its gate and the fields it reads. */
final class CompiledRule {

    private final SigmaRule rule;
    private final RuleNode root;
    private final String[] fields;

    CompiledRule(SigmaRule rule, RuleNode root, List<String> fields) {
        this.rule = rule;
        this.root = root;
        this.fields = fields.toArray(new String[0]);
    }

    SigmaRule rule() {
        return rule;
    }

    /** The fields the rule reads, as it spells them. */
    String[] fields() {
        return fields;
    }

    boolean test(SigmaEvent event) {
        return root.test(event);
    }

    Map<String, Set<String>> gate() {
        return root.gate();
    }

    /** The gates that must all open before the rule is worth testing; empty when ungated. */
    List<Map<String, Set<String>>> groups() {
        return root.groups();
    }

    /** Builds the match only once the rule held, so the common miss allocates nothing. */
    RuleMatch match(SigmaEvent event) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String f : fields) {
            if (event.has(f)) {
                values.put(f, event.get(f));
            }
        }
        return new RuleMatch(rule, event, java.util.Collections.unmodifiableMap(values));
    }
}
