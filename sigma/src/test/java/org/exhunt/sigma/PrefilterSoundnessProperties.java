package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Literal prefiltering may skip rules but never lose a match: for generated rules (ANDs, ORs,
 * NOTs, quantifiers, keywords, nulls and exists) and generated events, matching with the
 * prefilter gives exactly what evaluating every rule gives.
 */
class PrefilterSoundnessProperties {

    private static final List<String> FIELDS = List.of("A", "B", "C");
    private static final List<String> MODIFIERS = List.of("", "|contains", "|startswith", "|endswith", "|contains|all");

    @Property(tries = 300)
    void prefiltering_never_changes_what_matches(@ForAll("rules") List<String> rules, @ForAll("events") List<MapEvent> events) {
        RuleSet set = Rules.loadDetections(rules);
        assertThat(set.problems()).as("generated rules load").isEmpty();
        SigmaEngine fast = SigmaEngine.compile(set, Pipeline.none(), true, StandInPredicates.COMPILER);
        SigmaEngine slow = SigmaEngine.compile(set, Pipeline.none(), false, StandInPredicates.COMPILER);
        for (MapEvent e : events) {
            assertThat(Rules.titles(fast, e)).as("event %s", e).isEqualTo(Rules.titles(slow, e));
        }
    }

    @Provide
    Arbitrary<List<String>> rules() {
        return detection().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<MapEvent>> events() {
        Arbitrary<String> value = Arbitraries.strings().withChars("abcxAB").ofMaxLength(6);
        Arbitrary<MapEvent> event = Combinators.combine(value.injectNull(0.3), value.injectNull(0.3), value.injectNull(0.3))
                .as((a, b, c) -> {
                    MapEvent e = new MapEvent();
                    if (a != null) e.put("A", a);
                    if (b != null) e.put("B", b);
                    if (c != null) e.put("C", c);
                    return e;
                });
        return event.list().ofMinSize(1).ofMaxSize(8);
    }

    private Arbitrary<String> literal() {
        return Arbitraries.of("a", "ab", "abc", "b", "x", "ca", "bx", "AB");
    }

    private Arbitrary<String> item() {
        Arbitrary<String> valued = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(MODIFIERS),
                        literal().list().ofMinSize(1).ofMaxSize(3))
                .as((f, m, vs) -> "            " + f + m + ": [" + String.join(", ", vs) + "]\n");
        Arbitrary<String> nulls = Arbitraries.of(FIELDS).map(f -> "            " + f + ": null\n");
        Arbitrary<String> exists = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(true, false))
                .as((f, b) -> "            " + f + "|exists: " + b + "\n");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, valued), net.jqwik.api.Tuple.of(1, nulls), net.jqwik.api.Tuple.of(1, exists));
    }

    private Arbitrary<String> selection() {
        Arbitrary<String> map = item().list().ofMinSize(1).ofMaxSize(3).map(items -> {
            StringBuilder sb = new StringBuilder();
            for (String it : items) {
                sb.append(it.substring(4));
            }
            return sb.toString();
        });
        Arbitrary<String> listOfMaps = item().list().ofMinSize(2).ofMaxSize(3).map(items -> {
            StringBuilder sb = new StringBuilder();
            for (String it : items) {
                sb.append("            - ").append(it.strip()).append('\n');
            }
            return sb.toString();
        });
        Arbitrary<String> keywords = literal().list().ofMinSize(1).ofMaxSize(3).map(vs -> {
            StringBuilder sb = new StringBuilder();
            for (String v : vs) {
                sb.append("            - ").append(v).append('\n');
            }
            return sb.toString();
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, map), net.jqwik.api.Tuple.of(2, listOfMaps),
                net.jqwik.api.Tuple.of(1, keywords));
    }

    private Arbitrary<String> condition(int depth) {
        Arbitrary<String> leaf = Arbitraries.of("s1", "s2", "_s3", "1 of s*", "all of s*", "1 of them", "all of them",
                "2 of them", "not s1", "not 1 of s*");
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> sub = condition(depth - 1);
        return Arbitraries.oneOf(leaf,
                Combinators.combine(sub, sub).as((x, y) -> "(" + x + ") and (" + y + ")"),
                Combinators.combine(sub, sub).as((x, y) -> "(" + x + ") or (" + y + ")"),
                sub.map(x -> "not (" + x + ")"));
    }

    private Arbitrary<String> detection() {
        return Combinators.combine(selection(), selection(), selection(), condition(2))
                .as((a, b, c, cond) -> {
                    List<String> parts = new ArrayList<>();
                    parts.add("    s1:\n" + a.replace("            ", "        "));
                    parts.add("    s2:\n" + b.replace("            ", "        "));
                    parts.add("    _s3:\n" + c.replace("            ", "        "));
                    return String.join("", parts) + "    condition: " + cond + "\n";
                });
    }
}
