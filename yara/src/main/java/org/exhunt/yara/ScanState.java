package org.exhunt.yara;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.module.ModuleRegex;
import org.exhunt.yara.module.ModuleRuntime;
import org.exhunt.yara.syntax.Expr;

/**
 * Everything one scan of one buffer knows: the data, every pattern's matches, the results of
 * the rules evaluated so far, the external variables' values, the modules loaded on first use,
 * and the time budget.
 */
final class ScanState {

    final byte[] data;
    final MatchTable table;
    private final YaraScanner scanner;
    private final Map<String, Object> externals;
    private final Boolean[] ruleResults;
    private final Map<String, Object> modules = new HashMap<>();
    private final long deadline;
    final List<String> warnings = new ArrayList<>();

    ScanState(YaraScanner scanner, byte[] data, MatchTable table, Map<String, Object> externals, long deadline) {
        this.scanner = scanner;
        this.data = data;
        this.table = table;
        this.externals = externals;
        this.deadline = deadline;
        this.ruleResults = new Boolean[scanner.rules().size()];
    }

    void checkTime() {
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
            throw new ConditionEvaluator.TimeUp();
        }
    }

    Integer ruleIndex(String name) {
        return scanner.ruleIndex(name);
    }

    /** A rule's result; undefined for a rule not yet evaluated (which a condition cannot name). */
    Object ruleResult(int index) {
        Boolean r = ruleResults[index];
        return r == null ? ConditionEvaluator.UNDEFINED : r;
    }

    void setRuleResult(int index, boolean matched) {
        ruleResults[index] = matched;
    }

    Object external(String name) {
        return externals.get(name);
    }

    /** A module's values, computed on first use; undefined when no runtime serves it. */
    Object module(String name) {
        Object cached = modules.get(name);
        if (cached != null) {
            return cached;
        }
        ModuleRuntime runtime = scanner.runtime(name);
        Object values = ConditionEvaluator.UNDEFINED;
        if (runtime != null) {
            try {
                Map<String, Object> loaded = runtime.load(data);
                if (loaded != null) {
                    values = loaded;
                }
            } catch (RuntimeException e) {
                warn("module " + name + " failed on this data: " + e);
            }
        }
        modules.put(name, values);
        return values;
    }

    /** {@code entrypoint}: the PE's, else the ELF's entry point as a file offset; else undefined. */
    Object entryPoint() {
        for (String m : new String[] {"pe", "elf"}) {
            if (module(m) instanceof Map<?, ?> values && values.get("entry_point") instanceof Long ep) {
                return ep;
            }
        }
        return ConditionEvaluator.UNDEFINED;
    }

    ModuleRegex regex(Expr.RegexLiteral literal) {
        return scanner.regex(literal);
    }

    void warn(String message) {
        if (warnings.size() < 100) {
            warnings.add(message);
        }
    }
}
