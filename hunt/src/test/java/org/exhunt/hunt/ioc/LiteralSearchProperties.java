package org.exhunt.hunt.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LiteralSearchProperties {

    @Property
    void findsExactlyTheOccurrencesANaiveCaseInsensitiveSearchFinds(
            @ForAll("patterns") List<String> patterns, @ForAll("texts") String text) {
        LiteralSearch search = new LiteralSearch(patterns, false);
        Set<String> found = new HashSet<>();
        search.search(text, (p, end) -> found.add(p + "@" + end));

        Set<String> expected = new HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int p = 0; p < patterns.size(); p++) {
            String needle = patterns.get(p).toLowerCase(Locale.ROOT);
            if (needle.isEmpty()) continue;
            for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
                expected.add(p + "@" + (at + needle.length()));
            }
        }
        assertThat(found).isEqualTo(expected);
    }

    @Property
    void aPatternWrittenWithSpacesIsFoundInTextThatWritesThemAsPlus(
            @ForAll("texts") String text, @ForAll("cuts") int a, @ForAll("cuts") int b) {
        if (text.isEmpty()) return;
        int from = Math.min(a, b) % text.length();
        int to = Math.min(text.length(), from + 1 + Math.abs(a - b) % 6);
        String needle = text.substring(from, to).replace('+', ' ');
        LiteralSearch search = new LiteralSearch(List.of(needle), true);
        List<Integer> ends = new ArrayList<>();
        search.search(text.replace(' ', '+'), (p, end) -> ends.add(end));
        assertThat(ends).contains(to);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 60);
    }

    @Provide
    Arbitrary<List<String>> patterns() {
        return Arbitraries.strings().withChars("abAB+ /.é").ofMinLength(1).ofMaxLength(4).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abAB+ /.éx").ofMaxLength(40);
    }
}
