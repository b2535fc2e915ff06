package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Expressions made of character items and quantifiers are answered by {@link LinearRegex}; its
 * answer must be RE2/J's for every text, or the expression must be left to RE2/J.
 */
class LinearRegexProperties {

    /** Items over the characters the texts use, and the classes and escapes where RE2 is subtle. */
    private static final List<String> ITEMS = List.of("a", "b", "\\.", ".", "\\s", "\\S", "\\w", "\\W", "\\d", "\\D",
            "[ab]", "[^a]", "[a-c]", "[^\\s]", "[\\w.]", "[ \"']", "\\n", "\\\\", "-", "[\\w+|\\s]", "\\+", "[^a-z]",
            "\\$", "[0-9a-f]");
    private static final List<String> QUANTIFIERS = List.of("", "", "", "*", "+", "?", "{2}", "{1,3}", "{2,}", "{0,2}",
            "*?", "+?", "{0}", "{1,32}", "{3,3}");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab c1_.\n\r\t\"'-+$\\\u00e4\u212a\ud83d\ude00\udc00").ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> expressions() {
        Arbitrary<String> item = Combinators.combine(Arbitraries.of(ITEMS), Arbitraries.of(QUANTIFIERS))
                .as((i, q) -> i + q);
        return Combinators.combine(Arbitraries.of("", "", "^"), item.list().ofMinSize(0).ofMaxSize(5),
                Arbitraries.of("", "", "$")).as((start, items, end) -> start + String.join("", items) + end);
    }

    @Property(tries = 20000)
    void a_linear_expression_occurs_exactly_where_the_regex_engine_finds_it(@ForAll("expressions") String regex,
            @ForAll("texts") String text, @ForAll boolean dotAll, @ForAll boolean multiline) {
        LinearRegex linear = LinearRegex.of(regex, false, multiline, dotAll);
        if (linear == null) {
            return;
        }
        int flags = (dotAll ? Pattern.DOTALL : 0) | (multiline ? Pattern.MULTILINE : 0);
        boolean expected = Pattern.compile(regex, flags).matcher(text).find();
        assertThat(linear.find(text)).as("/%s/%s%s on '%s'", regex, dotAll ? "s" : "", multiline ? "m" : "", text)
                .isEqualTo(expected);
    }

    @Property(tries = 3000)
    void long_sequences_spanning_several_words_agree_with_the_regex_engine(@ForAll("texts") String text,
            @ForAll boolean anchored) {
        String doubled = text + text + text;
        for (String regex : List.of("a[^a]{0,70}b", "\\s[0-9a-f]{64}\\s", ".{60,80}", "a?".repeat(70) + "b",
                "[ab]{1,64}c?[ab]{1,64}")) {
            String r = anchored ? "^" + regex + "$" : regex;
            LinearRegex linear = LinearRegex.of(r, false, false, false);
            assertThat(linear).as(r).isNotNull();
            assertThat(linear.find(doubled)).as("/%s/ on '%s'", r, doubled)
                    .isEqualTo(Pattern.compile(r).matcher(doubled).find());
        }
    }

    @Test
    void the_sigmahq_shapes_that_cost_most_are_taken_over() {
        assertThat(LinearRegex.of("\\s[a-fA-F0-9]{64}\\s[a-fA-F0-9]{16}", false, false, false)).isNotNull();
        assertThat(LinearRegex.of("\\\\[a-zA-Z0-9]{1,32}\\.[a-zA-Z0-9]{1,6}\\.[ \"']{1}", false, false, false)).isNotNull();
        assertThat(LinearRegex.of("^[A-Za-z0-9]{16}$", false, false, false)).isNotNull();
        assertThat(LinearRegex.of("\\+.*\\+.*\\+.*\\+", false, false, false)).isNotNull();
    }

    @Test
    void shapes_read_differently_by_re2_are_left_to_it() {
        assertThat(LinearRegex.of("abc", true, false, false)).as("case folding").isNull();
        assertThat(LinearRegex.of("^abc", false, true, false)).as("multi-line anchor").isNull();
        assertThat(LinearRegex.of("a(b)c", false, false, false)).as("group").isNull();
        assertThat(LinearRegex.of("a|b", false, false, false)).as("alternation").isNull();
        assertThat(LinearRegex.of("\\bword", false, false, false)).as("word boundary").isNull();
        assertThat(LinearRegex.of("\\pL", false, false, false)).as("Unicode class").isNull();
        assertThat(LinearRegex.of("[[:alpha:]]", false, false, false)).as("POSIX class").isNull();
        assertThat(LinearRegex.of("[]a]", false, false, false)).as("leading bracket").isNull();
        assertThat(LinearRegex.of("\u00e4", false, false, false)).as("non-ASCII").isNull();
        assertThat(LinearRegex.of("a{,3}", false, false, false)).as("literal brace").isNull();
        assertThat(LinearRegex.of("a^b", false, false, false)).as("inner anchor").isNull();
    }

    @Test
    void a_regex_matcher_gives_the_same_answers_through_the_linear_path() throws ValueException {
        RegexMatcher m = RegexMatcher.compile("\\s[a-fA-F0-9]{64}\\s[a-fA-F0-9]{16}", false, false, false);
        String hex64 = "0123456789abcdef".repeat(4);
        assertThat(m.matches("x " + hex64 + " 0123456789ABCDEF y", null, null)).isTrue();
        assertThat(m.matches("x " + hex64 + " 0123456789ABCDE", null, null)).isFalse();
        assertThat(m.matches("x " + hex64.substring(1) + " 0123456789ABCDEF", null, null)).isFalse();
    }
}
