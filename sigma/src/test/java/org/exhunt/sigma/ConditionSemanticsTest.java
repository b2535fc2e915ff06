package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.Rules.matches;

import org.junit.jupiter.api.Test;

/** How conditions combine selections, following the Sigma rules specification, section Condition. */
class ConditionSemanticsTest {

    private static final String TWO = """
                a:
                    A: x
                b:
                    B: y
            """;

    private static String with(String selections, String condition) {
        return selections + "    condition: " + condition + "\n";
    }

    private static final MapEvent ONLY_A = MapEvent.of("A", "x");
    private static final MapEvent ONLY_B = MapEvent.of("B", "y");
    private static final MapEvent BOTH = MapEvent.of("A", "x", "B", "y");
    private static final MapEvent NEITHER = MapEvent.of("C", "z");

    @Test
    void and_needs_both_selections() {
        String d = with(TWO, "a and b");
        assertThat(matches(d, BOTH)).isTrue();
        assertThat(matches(d, ONLY_A)).isFalse();
    }

    @Test
    void or_needs_either_selection() {
        String d = with(TWO, "a or b");
        assertThat(matches(d, ONLY_B)).isTrue();
        assertThat(matches(d, NEITHER)).isFalse();
    }

    @Test
    void not_inverts_a_selection() {
        String d = with(TWO, "a and not b");
        assertThat(matches(d, ONLY_A)).isTrue();
        assertThat(matches(d, BOTH)).isFalse();
    }

    @Test
    void a_rule_of_only_negation_matches_events_that_lack_the_selection() {
        String d = with(TWO, "not b");
        assertThat(matches(d, NEITHER)).isTrue();
        assertThat(matches(d, ONLY_B)).isFalse();
    }

    @Test
    void precedence_reads_or_loosest_then_and_then_not() {
        String selections = TWO + """
                c:
                    C: z
            """;
        // a or (b and c)
        assertThat(matches(with(selections, "a or b and c"), ONLY_A)).isTrue();
        assertThat(matches(with(selections, "a or b and c"), ONLY_B)).isFalse();
        // (not a) and b
        assertThat(matches(with(selections, "not a and b"), ONLY_B)).isTrue();
    }

    @Test
    void brackets_group_before_and() {
        String selections = TWO + """
                c:
                    C: z
            """;
        MapEvent bc = MapEvent.of("B", "y", "C", "z");
        assertThat(matches(with(selections, "(a or b) and c"), bc)).isTrue();
        assertThat(matches(with(selections, "(a or b) and c"), ONLY_A)).isFalse();
    }

    @Test
    void one_of_pattern_is_an_or_over_the_matching_identifiers() {
        String selections = """
                sel_a:
                    A: x
                sel_b:
                    B: y
                other:
                    C: z
            """;
        assertThat(matches(with(selections, "1 of sel_*"), ONLY_B)).isTrue();
        assertThat(matches(with(selections, "1 of sel_*"), MapEvent.of("C", "z"))).isFalse();
    }

    @Test
    void all_of_pattern_is_an_and_over_the_matching_identifiers() {
        String selections = """
                sel_a:
                    A: x
                sel_b:
                    B: y
                other:
                    C: z
            """;
        assertThat(matches(with(selections, "all of sel_*"), BOTH)).isTrue();
        assertThat(matches(with(selections, "all of sel_*"), ONLY_A)).isFalse();
    }

    @Test
    void n_of_pattern_needs_at_least_n_matching_identifiers() {
        String selections = """
                s1:
                    A: x
                s2:
                    B: y
                s3:
                    C: z
            """;
        String d = with(selections, "2 of s*");
        assertThat(matches(d, BOTH)).isTrue();
        assertThat(matches(d, MapEvent.of("A", "x", "B", "y", "C", "z"))).isTrue();
        assertThat(matches(d, ONLY_A)).isFalse();
    }

    @Test
    void them_covers_every_identifier_except_underscore_prefixed_ones() {
        String selections = """
                a:
                    A: x
                _helper:
                    H: h
            """;
        assertThat(matches(with(selections, "1 of them"), MapEvent.of("H", "h"))).isFalse();
        assertThat(matches(with(selections, "1 of them"), ONLY_A)).isTrue();
        assertThat(matches(with(selections, "all of them"), ONLY_A)).isTrue();
    }

    @Test
    void an_explicit_pattern_still_reaches_underscore_identifiers() {
        String selections = """
                a:
                    A: x
                _helper:
                    H: h
            """;
        assertThat(matches(with(selections, "1 of _h*"), MapEvent.of("H", "h"))).isTrue();
    }

    @Test
    void not_one_of_filters_excludes_any_filter_hit() {
        String selections = """
                selection:
                    A: x
                filter_1:
                    B: y
                filter_2:
                    C: z
            """;
        String d = with(selections, "selection and not 1 of filter_*");
        assertThat(matches(d, ONLY_A)).isTrue();
        assertThat(matches(d, MapEvent.of("A", "x", "C", "z"))).isFalse();
    }

    @Test
    void a_list_of_conditions_is_an_or_of_them() {
        String d = TWO + """
                condition:
                    - a and b
                    - b
            """;
        assertThat(matches(d, ONLY_B)).isTrue();
        assertThat(matches(d, ONLY_A)).isFalse();
    }
}
