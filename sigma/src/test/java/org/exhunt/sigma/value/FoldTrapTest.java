package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Patterns on which RE2/J's case folding never ends are refused at once; the rest compile as before. */
class FoldTrapTest {

    @Test
    void caseInsensitivePatternsNamingTheLoopingLettersAreRefusedWithTheReason() {
        for (String regex : new String[] {"(?i)\\x{1c80}", "(?i)a[\\x{1000}-\\x{2000}]", "(?mi:x\u1c84)", "(?i)[\\x{1c88}]"}) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                    assertThatThrownBy(() -> RegexMatcher.compile(regex, false, false, false))
                            .isInstanceOf(ValueException.class).hasMessageContaining("U+1C80..U+1C88"));
        }
        assertThatThrownBy(() -> RegexMatcher.compile("\\x{1c81}", true, false, false)).isInstanceOf(ValueException.class);
    }

    @Test
    void thoseLettersWithoutCaseFoldingAndOtherRangesStillCompile() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(RegexMatcher.compile("\\x{1c80}[\\x{1000}-\\x{2000}]", false, false, false)).isNotNull();
            assertThat(RegexMatcher.compile("(?i)[a-z\\x{1000}-\\x{1c7f}]", false, false, false)).isNotNull();
            assertThat(FoldTrap.find("(?i)[\\x{1c89}-\\x{1cff}]x", false)).isNull();
            assertThat(FoldTrap.find("(?s)\\x{1c80}", false)).isNull();
        });
    }
}
