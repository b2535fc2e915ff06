package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A bare counted run of '.' is answered by counting; the answer must be the regex engine's. */
class DotRunProperties {

    @Provide
    Arbitrary<String> texts() {
        // newlines, surrogate pairs, lone surrogates and carriage returns are where '.' is subtle
        return Arbitraries.strings().withChars("ab\n\r\u00e4\ud83d\ude00\udc00").ofMaxLength(24);
    }

    @Property(tries = 3000)
    void counting_agrees_with_the_regex_engine(@ForAll("texts") String text, @ForAll @IntRange(max = 12) int n,
                                               @ForAll @IntRange(min = -1, max = 14) int m, @ForAll boolean dotAll,
                                               @ForAll boolean ignoreCase) throws ValueException {
        String regex = m < 0 ? ".{" + n + ",}" : m == 0 ? ".{" + n + "}" : ".{" + n + "," + Math.max(n, m) + "}";
        RegexMatcher matcher = RegexMatcher.compile(regex, ignoreCase, false, dotAll);
        boolean expected = Pattern.compile(regex, dotAll ? Pattern.DOTALL : 0).matcher(text).find();
        assertThat(matcher.matches(text, null, null)).as("/%s/%s on '%s'", regex, dotAll ? "s" : "", text)
                .isEqualTo(expected);
    }

    @Test
    void only_a_bare_counted_dot_is_taken_over() {
        assertThat(DotRun.of(".{1000,}", false)).isNotNull();
        assertThat(DotRun.of(".{3}", false)).isNotNull();
        assertThat(DotRun.of(".{2,5}", true)).isNotNull();
        assertThat(DotRun.of("^.{3}", false)).isNull();
        assertThat(DotRun.of(".{3}x", false)).isNull();
        assertThat(DotRun.of(".{,3}", false)).isNull();
        assertThat(DotRun.of(".{5,2}", false)).isNull();
        assertThat(DotRun.of(".{3}|x{4}", false)).isNull();
        assertThat(DotRun.of("\\.{3}", false)).isNull();
    }

    @Test
    void a_long_line_is_found_and_a_long_text_of_short_lines_is_not() throws ValueException {
        RegexMatcher m = RegexMatcher.compile(".{1000,}", false, false, false);
        assertThat(m.matches("x".repeat(1000), null, null)).isTrue();
        assertThat(m.matches(("y".repeat(999) + "\n").repeat(5), null, null)).isFalse();
        assertThat(RegexMatcher.compile(".{1000,}", false, false, true)
                .matches(("y".repeat(999) + "\n").repeat(5), null, null)).isTrue();
    }
}
