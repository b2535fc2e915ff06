package org.exhunt.yara;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.syntax.Expr;
import org.exhunt.yara.syntax.OfSet;
import org.exhunt.yara.syntax.Rule;
import org.exhunt.yara.syntax.StringDef;

/**
 * A rule ready to evaluate: each of its strings tied to a pattern of the shared search, its
 * string and rule sets ({@code ($a*)}, {@code them}, {@code (rule_*)}) resolved once, and whether
 * its condition needs one of its strings to have matched.
 */
final class CompiledRule {

    final Rule rule;
    final int index;
    /** Per string of the rule, in definition order: the pattern number in the shared search. */
    final int[] patterns;
    final String[] ids;
    final boolean[] privateStrings;
    final boolean needsAStringMatch;
    /** A rule whose strings could not be prepared: it never matches. */
    final boolean disabled;
    private final Map<OfSet, int[]> sets = new IdentityHashMap<>();
    private final Map<String, Integer> byId = new java.util.HashMap<>();

    CompiledRule(Rule rule, int index, int[] patterns, boolean disabled, Map<String, Integer> ruleIndexes) {
        this.rule = rule;
        this.disabled = disabled;
        this.index = index;
        this.patterns = patterns;
        List<StringDef> strings = rule.strings();
        this.ids = new String[strings.size()];
        this.privateStrings = new boolean[strings.size()];
        for (int i = 0; i < strings.size(); i++) {
            ids[i] = strings.get(i).id();
            privateStrings[i] = strings.get(i).modifiers().isPrivate();
            byId.putIfAbsent(ids[i], i);
        }
        this.needsAStringMatch = !strings.isEmpty() && MatchRequirement.needsAStringMatch(rule.condition());
        ExprWalk.each(rule.condition(), e -> {
            if (e instanceof Expr.Of of) {
                sets.put(of.set(), resolve(of.set(), ruleIndexes));
            } else if (e instanceof Expr.ForOf f) {
                sets.put(f.set(), resolve(f.set(), ruleIndexes));
            }
        });
    }

    /** The local number of the string named {@code id} ({@code "$a"}), or -1. */
    int stringNumber(String id) {
        Integer i = byId.get(id);
        return i == null ? -1 : i;
    }

    /** The local string numbers, or for a rule set the rule numbers, an {@code of} counts over. */
    int[] members(OfSet set) {
        return sets.get(set);
    }

    private int[] resolve(OfSet set, Map<String, Integer> ruleIndexes) {
        List<Integer> out = new ArrayList<>();
        if (set instanceof OfSet.Strings s) {
            for (int i = 0; i < ids.length; i++) {
                String id = ids[i];
                if (s.them() || s.patterns().stream().anyMatch(p -> matchesName(p, id))) {
                    out.add(i);
                }
            }
        } else {
            // Only rules written before this one can be referred to: their results are known.
            for (String p : ((OfSet.Rules) set).patterns()) {
                ruleIndexes.forEach((name, idx) -> {
                    if (idx < index && matchesName(p, name) && !out.contains(idx)) {
                        out.add(idx);
                    }
                });
            }
            out.sort(null);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean matchesName(String pattern, String name) {
        return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : name.equals(pattern);
    }
}
