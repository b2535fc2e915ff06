package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The regex matcher rejects a value early when it lacks one of the expression's required plain
 * runs; that shortcut must never change the answer the regex engine alone would give.
 */
class RegexRequiredRunsProperties {

    private static final List<String> PIECES = List.of("a", "b", "k", "K", "s", "S", "x", ".", "\\.", "a*", "b+",
            "c?", "x{2}", "{", "}", "{|a}", "[ab]", "[^/]+", "(a|b)", "(?:ab)", "^", "$", "\\x61", "\\x{62}", "\\141",
            "\\pL", "\\p{Greek}", "\\d", "\\bab", "|", "(a|)", "(ab|c)+", "(a|bc)?", "(a|b)*", "(?:a|(b|c))", "(?i:ab)", "(x|[ab])", "(a\\)|b)", "(?i)", "\u00e4", "\u212a");

    @Provide
    Arbitrary<String> regexes() {
        return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abkKsScx.1{}/\u212a\u017f\u00e4\u00c4\u03b1").ofMaxLength(14);
    }

    @Property(tries = 3000)
    void required_run_check_never_changes_the_regex_result(@ForAll("regexes") String regex,
                                                          @ForAll("texts") String text,
                                                          @ForAll boolean ignoreCase) {
        Pattern plain;
        RegexMatcher matcher;
        try {
            plain = Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            matcher = RegexMatcher.compile(regex, ignoreCase, false, false);
        } catch (RuntimeException | ValueException e) {
            return; // not a valid expression: nothing to compare
        }
        assertThat(matcher.matches(text, null, null)).as("/%s/ on '%s'", regex, text)
                .isEqualTo(plain.matcher(text).find());
    }

    @Test
    void every_top_level_plain_run_is_required_but_escapes_are_not_taken_as_text() {
        assertThat(RegexLiterals.requiredRuns("(?i)^/owa/[^/]+/powershell", true))
                .containsExactly("/owa/", "/power", "hell");
        assertThat(RegexLiterals.requiredRuns("ab\\x41cd\\101ef\\pLgh", false)).containsExactly("ab", "cd", "ef", "gh");
        assertThat(RegexLiterals.requiredRuns("ab|cd", false)).isEmpty();
    }

    @Test
    void a_mandatory_group_requires_one_run_of_each_alternative_and_an_optional_group_nothing() {
        assertThat(RegexLiterals.requiredChoices("x(@|%40)y(ab|c)?z(?:mapi/n|ews/)", false))
                .containsExactly(List.of("x"), List.of("y"), List.of("z"), List.of("@", "%40"), List.of("mapi/n", "ew")); // (? turns folding on: s may be the long s
        assertThat(RegexLiterals.requiredChoices("(ab|)c", false)).containsExactly(List.of("c"));
        assertThat(RegexLiterals.requiredChoices("(ab)|c", false)).isEmpty();
    }

    @Test
    void a_value_missing_a_later_run_is_rejected_and_one_with_all_runs_is_matched() throws ValueException {
        RegexMatcher m = RegexMatcher.compile("^/owa/[^/]+/powershell", true, false, false);
        assertThat(m.matches("/owa/x@y/PowerShell", null, null)).isTrue();
        assertThat(m.matches("/owa/auth/logon.aspx", null, null)).isFalse();
    }
}
