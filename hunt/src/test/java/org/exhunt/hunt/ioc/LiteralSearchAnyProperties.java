package org.exhunt.hunt.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The quick "anything here?" check that runs on every event agrees with a naive search. */
class LiteralSearchAnyProperties {

    @Property
    void anySaysYesExactlyWhenSomePatternOccursIgnoringCase(
            @ForAll("patterns") List<String> patterns, @ForAll("texts") String text, @ForAll boolean plusIsSpace) {
        LiteralSearch search = new LiteralSearch(patterns, plusIsSpace);
        String hay = fold(text, plusIsSpace);
        boolean expected = patterns.stream().map(p -> fold(p, plusIsSpace)).anyMatch(p -> !p.isEmpty() && hay.contains(p));
        assertThat(search.any(text)).isEqualTo(expected);
        boolean[] reported = {false};
        search.search(text, (p, end) -> reported[0] = true);
        assertThat(reported[0]).isEqualTo(expected);
    }

    private static String fold(String s, boolean plusIsSpace) {
        String l = s.toLowerCase(Locale.ROOT);
        return plusIsSpace ? l.replace('+', ' ') : l;
    }

    @Provide
    Arbitrary<List<String>> patterns() {
        return Arbitraries.strings().withChars("abAB+ /.éÉ").ofMinLength(1).ofMaxLength(4).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abAB+ /.éÉx").ofMaxLength(40);
    }
}
