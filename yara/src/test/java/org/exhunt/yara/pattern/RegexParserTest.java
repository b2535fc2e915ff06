package org.exhunt.yara.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexParserTest {

    private static List<String> scan(String regex, boolean nocase, boolean dotAll, String data) {
        List<String> out = new ArrayList<>();
        byte[] d = data.getBytes(StandardCharsets.ISO_8859_1);
        PatternSet.compile(List.of(PatternSpec.regex(regex, nocase, dotAll)))
                .scan(d, (p, o, l) -> out.add(o + ":" + new String(d, o, l, StandardCharsets.ISO_8859_1)));
        return out;
    }

    @Test
    void every_start_offset_reports_its_own_greedy_match() {
        assertThat(scan("a+b", false, false, "xaaab")).containsExactly("1:aaab", "2:aab", "3:ab");
    }

    @Test
    void lazy_quantifier_stops_at_the_first_continuation() {
        assertThat(scan("a.*?b", false, false, "a1b2b")).containsExactly("0:a1b");
    }

    @Test
    void dot_skips_newline_unless_dot_all() {
        assertThat(scan("a.b", false, false, "a\nb")).isEmpty();
        assertThat(scan("a.b", false, true, "a\nb")).containsExactly("0:a\nb");
    }

    @Test
    void nocase_folds_ascii_letters_only() {
        assertThat(scan("ab\\xe9", true, false, "AB\u00e9 ab\u00c9")).containsExactly("0:AB\u00e9");
    }

    @Test
    void lazy_long_range_of_a_group_ending_in_dot_is_a_repeat_not_a_chaining_jump() {
        // Found by the yara agreement property: the group's last '.' used to mark (a.){1,}? as a jump.
        assertThat(scan("b(a.){1,}?ab", true, false, "A\nabbb\tabBab\n\nbBbb\nabBa\na")).isEmpty();
        assertThat(scan("b(a.){1,}?c", false, false, "ba1a2c bxyzc")).containsExactly("0:ba1a2c");
    }

    @Test
    void top_level_lazy_long_dot_range_chains_the_regex_and_crosses_newlines_as_in_libyara() {
        assertThat(scan("b.{1,}?a", false, false, "b\na")).containsExactly("0:b\na");
        assertThat(scan("b.{1,300}?a", false, false, "b\na")).containsExactly("0:b\na");
        assertThat(scan("(b.{1,}?a)", false, false, "b\na")).isEmpty();
        assertThat(scan("b.+?a", false, false, "b\na")).isEmpty();
        assertThat(scan("b.{1,3}?a", false, false, "b\na")).isEmpty();
        String far = "b" + "-".repeat(6000) + "a";
        assertThat(scan("b.{1,}?a", false, false, far)).containsExactly("0:" + far);
    }

    @Test
    void anchors_refer_to_the_whole_buffer() {
        assertThat(scan("^ab", false, false, "ab\nab")).containsExactly("0:ab");
        assertThat(scan("ab$", false, false, "ab\nab")).containsExactly("3:ab");
    }

    @Test
    void word_boundaries_and_classes() {
        assertThat(scan("\\bc\\w\\d[^x-z]\\b", false, false, "ac1-3 c_9a c99z")).containsExactly("6:c_9a");
    }

    @Test
    void word_boundary_holds_at_both_ends_of_the_buffer_whatever_the_neighbour() {
        assertThat(scan("a[^a]+\\b", false, false, "aBc\n")).containsExactly("0:aBc\n");
        assertThat(scan("\\b-x", false, false, "-x")).containsExactly("0:-x");
        assertThat(scan("x\\B", false, false, "x")).isEmpty();
    }

    @Test
    void bounded_repeats_with_open_lower_bound() {
        assertThat(scan("xa{,2}", false, false, "xaaa")).containsExactly("0:xaa");
    }

    @Test
    void braces_that_are_no_repeat_are_literal_text_and_an_empty_pair_means_any_number() {
        assertThat(scan("a{}c|x{1|x{a}", false, false, "a{}c x{1 x{a}")).containsExactly("0:a{}c", "5:x{1", "9:x{a}");
        assertThat(scan("ba{,}", false, false, "baaa")).containsExactly("0:baaa");
    }

    @Test
    void empty_later_alternatives_are_allowed() {
        assertThat(scan("(a|)b", false, false, "ab b")).containsExactly("0:ab", "1:b", "3:b");
    }

    @Test
    void empty_matches_are_not_reported() {
        assertThat(scan("a*", false, false, "bab")).containsExactly("1:a");
    }

    @Test
    void match_length_is_capped_like_yara() {
        String data = "a" + "b".repeat(5000) + "c";
        assertThat(scan("ab*", false, false, data).get(0)).hasSize(2 + Limits.MAX_MATCH_LENGTH);
        assertThat(scan("ab*c", false, false, data)).isEmpty();
    }

    @Test
    void nested_empty_loops_terminate() {
        assertThat(scan("x(a*)*y", false, false, "xaay")).containsExactly("0:xaay");
    }

    @Test
    void a_group_around_an_alternation_still_yields_atoms_for_each_alternative() {
        CompiledPattern p = NodePatterns.regex("(\\beval\\(|\\bassert\\()", Modifiers.none(), false);
        assertThat(AtomPlanner.plan(0, p.alternatives())).isNotNull().hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void alternations_inside_the_pattern_are_expanded_for_atoms_and_still_match() {
        PatternSet set = PatternSet.compile(List.of(PatternSpec.regex("(e|\\\\x65|\\\\101)(v|\\\\x76)al\\(", false, false)));
        assertThat(set.isSlow(0)).isFalse();
        List<String> found = new ArrayList<>();
        set.scan("x=\\x65val( e\\x76al( eval(".getBytes(StandardCharsets.ISO_8859_1), (p, o, l) -> found.add(o + ":" + l));
        assertThat(found).containsExactly("2:8", "11:8", "20:5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';1;empty regular expression",
        "ab(c;3;never closed",
        "ab)c;3;unbalanced",
        "*a;1;nothing to repeat",
        "a{3,2};2;bad repeat interval",
        "a{40000};2;too large",
        "[abc;1;never closed",
        "[z-a];3;bad character range",
        "a\\x4;4;two hex digits",
        "a+b*?;4;cannot be mixed",
        "|ab;1;empty first alternative",
        "x(|a);3;empty first alternative",
        "a{0}b;2;bad repeat interval",
        "[a-\\;4;trailing backslash",
    })
    void malformed_regexes_are_rejected_with_a_column(String source, int column, String reason) {
        assertThatThrownBy(() -> RegexParser.parse(source, false, false))
                .isInstanceOfSatisfying(PatternSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.reason()).contains(reason);
                });
    }
}
