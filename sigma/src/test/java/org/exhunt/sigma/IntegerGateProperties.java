package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Gates on whole numbers ({@code EventID: 4625}) skip a rule only for events whose value can't
 * equal any of its numbers: numbers of every Java type, decimal text, lists, fractions, text
 * that is no number, and rules that also say {@code neq}, compare or quote their numbers.
 */
class IntegerGateProperties {

    private static final List<Object> EVENT_VALUES = List.of(1L, 2, (short) 4625, 4625L, -3L, 2.0, 1.5, -0.0,
            9007199254740993L, "1", " 2 ", "4625.0", "+4625", "-3", "1.5", "0x10", "1e0", "abc", true, "");

    @Property(tries = 400)
    void whole_number_gates_never_change_what_matches(@ForAll("rules") List<String> rules,
            @ForAll("events") List<MapEvent> events) {
        RuleSet set = Rules.loadDetections(rules);
        assertThat(set.problems()).as("generated rules load").isEmpty();
        SigmaEngine fast = SigmaEngine.compile(set, Pipeline.none(), true, ItemCompiler.MODIFIERS);
        SigmaEngine slow = SigmaEngine.compile(set, Pipeline.none(), false, ItemCompiler.MODIFIERS);
        // Some generated items are refused ("null" under gte): both engines drop the same rules.
        assertThat(fast.compiledRules()).isEqualTo(slow.compiledRules());
        for (MapEvent e : events) {
            List<String> expected = Rules.titles(slow, e);
            assertThat(Rules.titles(fast, e)).as("event %s with rules%n%s", e, rules).isEqualTo(expected);
            Statistics.label("matched").collect(!expected.isEmpty());
        }
        Statistics.label("gated").collect(((GatedMatcher) fast.matcherFor(null)).gatedRules() > 0);
        // Guard against a vacuous pass: events must match, and number gates must be in play.
        Statistics.label("matched").coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("gated").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    @Example
    void an_event_id_rule_is_gated_and_still_matches_the_number_in_any_form() {
        SigmaEngine engine = SigmaEngine.compile(Rules.load(Rules.rule("""
                    selection:
                        EventID: [4624, 4625]
                        LogonType: 3
                    condition: selection
                """)), Pipeline.none(), true, ItemCompiler.MODIFIERS);
        assertThat(((GatedMatcher) engine.matcherFor(null)).gatedRules()).isEqualTo(1);
        for (Object id : List.of(4625L, 4625, "4625", " 4625 ", "4625.0", 4624.0, List.of(1L, 4625L))) {
            assertThat(Rules.titles(engine, MapEvent.of("EventID", id, "LogonType", 3))).as("EventID %s", id).hasSize(1);
        }
        for (Object id : List.of(4626L, "46250", "x4625", "0x1211", 4625.5, List.of(1L, 2L))) {
            assertThat(Rules.titles(engine, MapEvent.of("EventID", id, "LogonType", 3))).as("EventID %s", id).isEmpty();
        }
    }

    @Provide
    Arbitrary<List<String>> rules() {
        return detection().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<MapEvent>> events() {
        Arbitrary<Object> scalar = Arbitraries.of(EVENT_VALUES);
        Arbitrary<Object> value = Arbitraries.oneOf(scalar, scalar.list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) l));
        return Combinators.combine(value.injectNull(0.1), value.injectNull(0.3))
                .as((n, m) -> {
                    MapEvent e = new MapEvent();
                    if (n != null) e.put("N", n);
                    if (m != null) e.put("M", m);
                    return e;
                })
                .list().ofMinSize(1).ofMaxSize(10);
    }

    private Arbitrary<String> item() {
        return Combinators.combine(Arbitraries.of("N", "M"), Arbitraries.of("", "", "", "|neq", "|gte", "|all"),
                        Arbitraries.of("1", "2", "4625", "-3", "0", "1.5", "2.0", "9007199254740992", "'4625'", "null")
                                .list().ofMinSize(1).ofMaxSize(3))
                .as((f, m, vs) -> "        " + f + m + ": [" + String.join(", ", vs) + "]\n");
    }

    private Arbitrary<String> detection() {
        Arbitrary<String> selection = item().list().ofMinSize(1).ofMaxSize(2).map(items -> String.join("", dedupe(items)));
        return Combinators.combine(selection, selection, Arbitraries.of("s1", "s1 and s2", "s1 or s2", "s1 and not s2",
                        "1 of s*", "all of s*"))
                .as((a, b, cond) -> "    s1:\n" + a + "    s2:\n" + b + "    condition: " + cond + "\n");
    }

    /** One item per field in a selection: YAML maps can't repeat a key. */
    private static List<String> dedupe(List<String> items) {
        List<String> out = new ArrayList<>();
        List<Character> fields = new ArrayList<>();
        for (String it : items) {
            char f = it.strip().charAt(0);
            if (!fields.contains(f)) {
                fields.add(f);
                out.add(it);
            }
        }
        return out;
    }
}
