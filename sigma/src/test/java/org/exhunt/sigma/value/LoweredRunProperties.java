package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Finding a lower-cased run through an anchor character gives the plain scan's answer. */
class LoweredRunProperties {

    /** Letters with their capitals and the non-ASCII characters that lower-case onto ASCII ones. */
    private static final String CHARS = "kKiIsSaA\\.\" -\u212a\u0130\u017f\u00e4";

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars(CHARS).ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> runs() {
        return Arbitraries.strings().withChars(CHARS).ofMinLength(1).ofMaxLength(4).map(CharFold::lower);
    }

    @Property(tries = 20000)
    void the_anchored_search_agrees_with_comparing_at_every_position(@ForAll("texts") String text,
                                                                      @ForAll("runs") String run) {
        assertThat(new LoweredRun(run.toCharArray()).occursIn(text)).as("'%s' in '%s'", run, text)
                .isEqualTo(CharFold.lower(text).contains(run));
    }

    @Test
    void every_spelling_of_an_anchor_letter_is_found() {
        assertThat(new LoweredRun("k".toCharArray()).occursIn("\u212a")).isTrue();
        assertThat(new LoweredRun("xk".toCharArray()).occursIn("aaX\u212a")).isTrue();
        assertThat(new LoweredRun("i".toCharArray()).occursIn("\u0130")).isTrue();
        assertThat(new LoweredRun("\\\\x".toCharArray()).occursIn("\\\\\\X")).isTrue();
        assertThat(new LoweredRun("\\\\x".toCharArray()).occursIn("\\x\\y")).isFalse();
    }
}
