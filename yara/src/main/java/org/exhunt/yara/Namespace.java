package org.exhunt.yara;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.exhunt.yara.module.ModuleSchema;
import org.exhunt.yara.module.ValueType;
import org.exhunt.yara.syntax.Rule;

/**
 * The names a condition can see: external variables, rules accepted so far (a rule only sees
 * rules before it) and the modules its compilation unit imported. A unit's additions are kept
 * apart until the unit is accepted, so a rejected file leaves no trace.
 */
final class Namespace {

    private final Map<String, ValueType.Scalar> externals;
    private final Map<String, ModuleSchema> knownModules;
    private final Map<String, Rule> acceptedRules;
    private final Map<String, Rule> pendingRules = new LinkedHashMap<>();
    private final Map<String, ModuleSchema> imported = new HashMap<>();

    Namespace(Map<String, ValueType.Scalar> externals, Map<String, ModuleSchema> knownModules, Map<String, Rule> acceptedRules) {
        this.externals = externals;
        this.knownModules = knownModules;
        this.acceptedRules = acceptedRules;
    }

    /** Imports a module; false when no schema by that name is known. */
    boolean importModule(String name) {
        ModuleSchema m = knownModules.get(name);
        if (m == null) {
            return false;
        }
        imported.put(name, m);
        return true;
    }

    Set<String> importedModules() {
        return imported.keySet();
    }

    boolean hasRule(String name) {
        return acceptedRules.containsKey(name) || pendingRules.containsKey(name);
    }

    boolean isTaken(String name) {
        return hasRule(name) || externals.containsKey(name);
    }

    void addPending(Rule rule) {
        pendingRules.put(rule.name(), rule);
    }

    Map<String, Rule> pendingRules() {
        return pendingRules;
    }

    /** Rules (accepted or pending) whose name starts with the prefix. */
    boolean anyRuleStartsWith(String prefix) {
        return acceptedRules.keySet().stream().anyMatch(n -> n.startsWith(prefix))
                || pendingRules.keySet().stream().anyMatch(n -> n.startsWith(prefix));
    }

    /** The type of a global name, or null: a rule is boolean, an external has its value's type. */
    ValueType lookup(String name) {
        if (hasRule(name)) {
            return ValueType.Scalar.BOOLEAN;
        }
        ValueType.Scalar external = externals.get(name);
        if (external != null) {
            return external;
        }
        ModuleSchema m = imported.get(name);
        return m == null ? null : m.root();
    }
}
