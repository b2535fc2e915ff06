package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The prefilter stays sound with the real value modifiers: wildcards, escapes, {@code cased},
 * {@code windash}, {@code all}, {@code re}, base64 forms and keywords, on generated values.
 */
class RealModifierPrefilterProperties {

    private static final List<String> MODIFIERS = List.of("", "|contains", "|startswith", "|endswith", "|contains|all",
            "|cased", "|contains|cased", "|contains|windash", "|re", "|re|i", "|base64|contains", "|base64offset|contains",
            "|contains|utf16le|base64offset", "|neq", "|exists");

    @Property(tries = 300)
    void real_modifiers_match_the_same_with_and_without_prefiltering(@ForAll("ruleText") String rules,
                                                                      @ForAll("events") List<MapEvent> events) {
        RuleSet set = Rules.load(rules);
        SigmaEngine fast = SigmaEngine.compile(set, Pipeline.none(), true, ItemCompiler.MODIFIERS);
        SigmaEngine slow = SigmaEngine.compile(set, Pipeline.none(), false, ItemCompiler.MODIFIERS);
        boolean matchedAny = false;
        for (MapEvent e : events) {
            List<String> expected = Rules.titles(slow, e);
            assertThat(Rules.titles(fast, e)).as("event %s with rules%n%s", e, rules).isEqualTo(expected);
            matchedAny |= !expected.isEmpty();
        }
        // Guard against a vacuous pass: enough tries must compile rules that actually match something.
        Statistics.label("compiled").collect(fast.compiledRules() > 0);
        Statistics.label("matched").collect(matchedAny);
        Statistics.label("matched").coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("compiled").coverage(c -> c.check(true).percentage(p -> p > 60));
    }

    @Provide
    Arbitrary<String> ruleText() {
        Arbitrary<String> value = Arbitraries.strings().withChars("ab-/*?\\ÄK").ofMinLength(1).ofMaxLength(5)
                .map(v -> "'" + v.replace("'", "''") + "'");
        Arbitrary<String> item = Combinators.combine(Arbitraries.of("A", "B"), Arbitraries.of(MODIFIERS), value.list().ofMinSize(1).ofMaxSize(3))
                .as((f, m, vs) -> m.equals("|exists") ? "        " + f + m + ": true\n"
                        : "        " + f + m + ": [" + String.join(", ", vs) + "]\n");
        Arbitrary<String> keywords = value.list().ofMinSize(1).ofMaxSize(2).map(vs -> "        - " + String.join("\n        - ", vs) + "\n");
        Arbitrary<String> selection = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, item.list().ofMinSize(1).ofMaxSize(2).map(l -> String.join("", l))),
                net.jqwik.api.Tuple.of(1, keywords));
        Arbitrary<String> condition = Arbitraries.of("s1", "s1 and s2", "s1 or s2", "s1 and not s2", "1 of s*", "all of them", "not s1");
        Arbitrary<String> rule = Combinators.combine(selection, selection, condition).as((a, b, c) ->
                "logsource:\n    product: t\ndetection:\n    s1:\n" + a + "    s2:\n" + b + "    condition: " + c + "\n");
        return rule.list().ofMinSize(1).ofMaxSize(4).map(list -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : "---\n").append("title: r").append(i).append('\n').append(list.get(i));
            }
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<List<MapEvent>> events() {
        Arbitrary<String> value = Arbitraries.strings().withChars("abAB-/–\\?*äkK\u212AYQ=").ofMaxLength(8);
        return Combinators.combine(value.injectNull(0.2), value.injectNull(0.2)).as((a, b) -> {
            MapEvent e = new MapEvent();
            if (a != null) e.put("A", a);
            if (b != null) e.put("B", b);
            return e;
        }).list().ofMinSize(1).ofMaxSize(6);
    }
}
