package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TickedWordRegexProperties {

    private static final List<String> SPELLINGS = List.of("\\w+`(\\w+|-|.)`[\\w+|\\s]", "\\w+`(?:\\w+|-|.)`[\\w+|\\s]");

    /**
     * Backticks, word characters, the group's and the closing class's other members, white
     * space inside and outside RE2's {@code \s}, non-ASCII letters, and surrogates paired and
     * unpaired.
     */
    private static final String ALPHABET = "``aZ9_-+| \t\n\r\f\u000B.$\u00e9\u212A\uD83D\uDE00";

    @Property(tries = 5000)
    void answers_as_re2j_does(@ForAll @Size(max = 14) List<@IntRange(min = 0, max = 40) Integer> picks) {
        StringBuilder b = new StringBuilder();
        for (int p : picks) {
            b.append(ALPHABET.charAt(p % ALPHABET.length()));
        }
        String text = b.toString();
        for (String spelling : SPELLINGS) {
            TickedWordRegex ticked = TickedWordRegex.of(spelling, false, false, false);
            assertThat(ticked.find(text)).as("%s on \"%s\"", spelling, text)
                    .isEqualTo(Pattern.compile(spelling).matcher(text).find());
        }
    }

    @Test
    void answers_as_re2j_does_on_obfuscated_powershell() {
        List<String> texts = List.of("i`nv`oke-expression", "I`E`X ($x)", "Write-Host `\"quoted`\"", "a`-`b", "a`\n`b",
                "a`\uD83D\uDE00`b", "a`\uD83D`b", "no ticks here", "`x`y", "w`ord`", "w`o`-", "ab`cd`|");
        for (String text : texts) {
            assertThat(TickedWordRegex.of(SPELLINGS.get(0), false, false, false).find(text)).as(text)
                    .isEqualTo(Pattern.compile(SPELLINGS.get(0)).matcher(text).find());
        }
    }

    @Test
    void takes_only_the_expression_itself_without_flags() {
        assertThat(TickedWordRegex.of(SPELLINGS.get(0), true, false, false)).isNull();
        assertThat(TickedWordRegex.of(SPELLINGS.get(0), false, true, false)).isNull();
        assertThat(TickedWordRegex.of(SPELLINGS.get(0), false, false, true)).isNull();
        assertThat(TickedWordRegex.of("\\w+`(\\w+|-|.)`[\\w+|\\s]+", false, false, false)).isNull();
        assertThat(TickedWordRegex.of(SPELLINGS.get(1), false, false, false)).isNotNull();
    }
}
