package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.failure;
import static org.exhunt.sigma.value.Predicates.item;
import static org.exhunt.sigma.value.Predicates.matchesF;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** re with its i, m, s flags, on the linear-time RE2/J engine. */
class RegexModifierTest {

    @Test
    void regexIsSearchedCaseSensitively() {
        FieldPredicate p = item("f|re", "\\\\Users\\\\[^\\\\]+\\\\NTUSER\\.DAT$");
        assertThat(matchesF(p, "C:\\Users\\bob\\NTUSER.DAT")).isTrue();
        assertThat(matchesF(p, "C:\\Users\\bob\\ntuser.dat")).isFalse();
    }

    @Test
    void flagIMakesItCaseInsensitive() {
        FieldPredicate p = item("f|re|i", "^C:\\\\Users\\\\[^\\\\]+\\\\NTUSER\\.DAT$");
        assertThat(matchesF(p, "c:\\users\\bob\\ntuser.dat")).isTrue();
    }

    @Test
    void flagMLetsAnchorsMatchAtLineBreaks() {
        assertThat(matchesF(item("f|re", "^b$"), "a\nb\nc")).isFalse();
        assertThat(matchesF(item("f|re|m", "^b$"), "a\nb\nc")).isTrue();
    }

    @Test
    void flagSLetsDotMatchNewline() {
        assertThat(matchesF(item("f|re", "a.b"), "a\nb")).isFalse();
        assertThat(matchesF(item("f|re|s", "a.b"), "a\nb")).isTrue();
    }

    @Test
    void lookaroundAndBackreferencesAreRefusedByName() {
        assertThat(failure("f|re", "foo(?=bar)").getMessage()).contains("lookahead").contains("RE2");
        assertThat(failure("f|re", "(?<!x)y").getMessage()).contains("negative lookbehind");
        assertThat(failure("f|re", "(a)\\1").getMessage()).contains("backreference");
        assertThat(failure("f|re", "a(").getMessage()).contains("invalid regular expression");
    }

    @Test
    void catastrophicPatternRunsInLinearTime() {
        FieldPredicate p = item("f|re", "(a+)+$");
        String hostile = "a".repeat(100_000) + "!";
        long start = System.nanoTime();
        boolean result = matchesF(p, hostile);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result).isFalse();
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void requiredLiteralIsTheLongestTopLevelRun() {
        assertThat(item("f|re", "\\\\Users\\\\[^\\\\]+\\\\NTUSER\\.DAT$").requiredLiterals()).containsExactly("\\ntuser.dat");
        assertThat(item("f|re", "/owa/auth/[a-z]+\\.aspx").requiredLiterals()).containsExactly("/owa/auth/");
        assertThat(item("f|re", "abcd?e").requiredLiterals()).containsExactly("abc");
        assertThat(item("f|re", "x{2,3}yz").requiredLiterals()).containsExactly("yz");
        assertThat(item("f|re", "(foo|bar)baz").requiredLiterals()).containsExactly("baz");
    }

    @Test
    void regexWithoutCertainLiteralGivesNone() {
        assertThat(item("f|re", "foo|barbaz").requiredLiterals()).isNull();
        assertThat(item("f|re", "a*").requiredLiterals()).isNull();
        assertThat(item("f|re", "\\d+").requiredLiterals()).isNull();
        assertThat(item("f|re", "\\Qabc\\E").requiredLiterals()).isNull();
    }

    @Test
    void caseInsensitiveRegexSkipsLettersRe2FoldsSpecially() {
        // with i, RE2 matches 's' against the long s (U+017F), which lower-casing keeps apart
        assertThat(item("f|re|i", "powershell").requiredLiterals()).containsExactly("power");
        assertThat(matchesF(item("f|re|i", "powershell"), "POWER\u017fHELL")).isTrue();
    }

    @Test
    void flagsWithoutReAreRejected() {
        assertThat(failure("f|i", "x").getMessage()).contains("needs 're'");
        assertThat(failure("f|contains|re", "x").getMessage()).contains("must come before 'contains'");
    }
}
