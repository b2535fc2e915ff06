package org.exhunt.yara;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.pattern.PatternSet;
import org.exhunt.yara.pattern.PatternSpec;
import org.exhunt.yara.syntax.Modifiers;
import org.exhunt.yara.syntax.Rule;
import org.exhunt.yara.syntax.StringDef;

/**
 * Turns the strings of all rules into one {@link PatternSet}. Strings written identically in
 * several rules (same text, same modifiers) become one pattern, searched once. A string the
 * matcher refuses disables its rule, with a problem naming it, instead of failing every rule.
 */
final class StringPatterns {

    private final List<int[]> perRule = new ArrayList<>();
    private final List<YaraProblem> problems = new ArrayList<>();
    private final PatternSet set;

    StringPatterns(List<Rule> rules) {
        List<PatternSpec> specs = new ArrayList<>();
        Map<String, Integer> byKey = new HashMap<>();
        List<List<Integer>> usersOf = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            List<StringDef> strings = rules.get(r).strings();
            int[] own = new int[strings.size()];
            for (int s = 0; s < strings.size(); s++) {
                PatternSpec spec = spec(strings.get(s));
                String key = spec.kind() + " " + spec;
                Integer p = byKey.get(key);
                if (p == null) {
                    p = specs.size();
                    byKey.put(key, p);
                    specs.add(spec);
                    usersOf.add(new ArrayList<>());
                }
                usersOf.get(p).add(r);
                own[s] = p;
            }
            perRule.add(own);
        }
        PatternSet compiled;
        try {
            compiled = PatternSet.compile(specs);
        } catch (IllegalArgumentException whole) {
            // Find the refused strings one by one; rare, so the extra work does not matter.
            List<PatternSpec> usable = new ArrayList<>(specs);
            for (int p = 0; p < specs.size(); p++) {
                try {
                    PatternSet.compile(List.of(specs.get(p)));
                } catch (IllegalArgumentException e) {
                    usable.set(p, PatternSpec.hex("00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F"));
                    for (int r : usersOf.get(p)) {
                        if (perRule.get(r) != null) {
                            Rule rule = rules.get(r);
                            problems.add(new YaraProblem(rule.pos().file(), rule.pos().line(), rule.pos().column(), rule.name(),
                                    "string " + specs.get(p) + " cannot be searched: " + e.getMessage() + "; the rule is disabled"));
                            perRule.set(r, null);
                        }
                    }
                }
            }
            compiled = PatternSet.compile(usable);
        }
        this.set = compiled;
    }

    PatternSet patternSet() {
        return set;
    }

    /** The pattern numbers of rule r's strings in definition order, or null when the rule is disabled. */
    int[] patternsOf(int rule) {
        return perRule.get(rule);
    }

    List<YaraProblem> problems() {
        return problems;
    }

    static PatternSpec spec(StringDef s) {
        if (s instanceof StringDef.Hex h) {
            return PatternSpec.hex(h.source());
        }
        if (s instanceof StringDef.RegexString r) {
            org.exhunt.yara.pattern.Modifiers m = common(s.modifiers(), r.regex().nocase());
            return PatternSpec.regex(r.regex().source(), m, r.regex().dotAll());
        }
        StringDef.Text t = (StringDef.Text) s;
        Modifiers mods = s.modifiers();
        org.exhunt.yara.pattern.Modifiers m = common(mods, false);
        if (mods.xor()) {
            m = m.xor(mods.xorMin(), mods.xorMax());
        }
        String alphabet = mods.base64Alphabet() == null ? org.exhunt.yara.pattern.Modifiers.STANDARD_ALPHABET : mods.base64Alphabet();
        if (mods.base64()) {
            m = m.base64(alphabet);
        }
        if (mods.base64wide()) {
            m = m.base64wide(alphabet);
        }
        return PatternSpec.text(t.bytes(), m);
    }

    private static org.exhunt.yara.pattern.Modifiers common(Modifiers mods, boolean nocaseFlag) {
        org.exhunt.yara.pattern.Modifiers m = org.exhunt.yara.pattern.Modifiers.none();
        if (mods.ascii()) {
            m = m.ascii();
        }
        if (mods.wide()) {
            m = m.wide();
        }
        if (mods.nocase() || nocaseFlag) {
            m = m.nocase();
        }
        if (mods.fullword()) {
            m = m.fullword();
        }
        return m;
    }
}
