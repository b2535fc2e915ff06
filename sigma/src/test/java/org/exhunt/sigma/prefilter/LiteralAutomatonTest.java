package org.exhunt.sigma.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class LiteralAutomatonTest {

    private static Set<Integer> found(LiteralAutomaton a, CharSequence text) {
        Set<Integer> out = new TreeSet<>();
        a.scan(text, out::add);
        return out;
    }

    @Test
    void finds_every_literal_that_occurs_ignoring_case() {
        LiteralAutomaton a = LiteralAutomaton.of(List.of("he", "she", "his", "hers", "/owa/auth/"));
        assertThat(found(a, "uSHErs")).containsExactly(0, 1, 3);
        assertThat(found(a, "GET /OWA/Auth/x.js")).containsExactly(4);
        assertThat(found(a, "nothing here")).containsExactly(0);
        assertThat(found(a, "xyz")).isEmpty();
    }

    @Test
    void finds_literals_that_overlap_or_nest() {
        LiteralAutomaton a = LiteralAutomaton.of(List.of("aa", "aaa", "a"));
        assertThat(found(a, "aaaa")).containsExactly(0, 1, 2);
        assertThat(found(a, "a")).containsExactly(2);
    }

    @Test
    void ignores_empty_literals_and_handles_non_ascii() {
        LiteralAutomaton a = LiteralAutomaton.of(List.of("", "straße", "ÄRGER"));
        assertThat(found(a, "STRASSE")).isEmpty();
        assertThat(found(a, "die STRAßE")).containsExactly(1);
        assertThat(found(a, "ärger")).containsExactly(2);
        assertThat(found(a, "")).isEmpty();
    }

    @Test
    void the_kelvin_sign_folds_like_the_letter_k() {
        LiteralAutomaton a = LiteralAutomaton.of(List.of("kb"));
        assertThat(found(a, "\u212AB")).containsExactly(0);
    }

    /**
     * Checked for every char: folding is unchanged by lower-casing or upper-casing first. So two
     * characters equal after {@link Character#toLowerCase(char)}, or equal to
     * {@link String#equalsIgnoreCase}, always fold equal, and the automaton can never miss a
     * literal that a case-insensitive value comparison would find.
     */
    @Test
    void folding_joins_everything_that_case_insensitive_comparison_joins() {
        for (int i = Character.MIN_VALUE; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            char f = LiteralAutomaton.fold(c);
            assertThat(LiteralAutomaton.fold(Character.toLowerCase(c))).as("char U+%04X lower", i).isEqualTo(f);
            assertThat(LiteralAutomaton.fold(Character.toUpperCase(c))).as("char U+%04X upper", i).isEqualTo(f);
        }
    }

    @Test
    void finds_non_ascii_literals_such_as_emoji() {
        LiteralAutomaton a = LiteralAutomaton.of(List.of("\uD83D\uDE00", "ÄRGER"));
        assertThat(found(a, "echo \uD83D\uDE00 done")).containsExactly(0);
        assertThat(found(a, "kein ärger")).containsExactly(1);
    }

    @Property
    void agrees_with_a_naive_search(@ForAll @Size(max = 8) List<@StringLength(min = 1, max = 4) @CharRange(from = 'a', to = 'd') String> literals,
                                    @ForAll @StringLength(max = 40) @CharRange(from = 'a', to = 'e') String text,
                                    @ForAll boolean upper) {
        String haystack = upper ? text.toUpperCase(Locale.ROOT) : text;
        Set<Integer> expected = new TreeSet<>();
        for (int i = 0; i < literals.size(); i++) {
            if (text.contains(literals.get(i))) {
                expected.add(i);
            }
        }
        assertThat(found(LiteralAutomaton.of(literals), haystack)).isEqualTo(expected);
    }

    /**
     * The dense table and the sparse fallback (used for very large automata) find the same
     * literals as a naive case-insensitive search, over an alphabet mixing ASCII, letters whose
     * case pairs leave ASCII (Kelvin sign, long s, dotted capital I) and other non-ASCII letters.
     */
    @Property
    void dense_and_sparse_forms_agree_with_a_naive_folded_search(
            @ForAll @Size(max = 8) List<@StringLength(min = 1, max = 4) @CharRange(from = 'i', to = 't') String> raw,
            @ForAll @StringLength(max = 40) @CharRange(from = 'h', to = 'u') String rawText) {
        String alphabet = "iIkK\u212As\u017fS\u0130\u00e4\u00c4xX";
        List<String> literals = raw.stream().map(l -> remap(l, alphabet)).toList();
        String text = remap(rawText, alphabet);
        Set<Integer> expected = naiveFoldedSearch(literals, text);
        assertThat(found(LiteralAutomaton.of(literals), text)).isEqualTo(expected);
        assertThat(found(LiteralAutomaton.of(literals, 0), text)).isEqualTo(expected);
    }

    /**
     * An automaton too large for its full table keeps an ASCII table for as many states as the
     * budget allows and steps through sparse edges for the others and for non-ASCII characters:
     * whatever the budget, so whichever states have a table row, the hits are the naive ones.
     */
    @Property
    void every_table_budget_finds_what_a_naive_folded_search_finds(
            @ForAll @Size(max = 12) List<@StringLength(min = 1, max = 5) @CharRange(from = 'h', to = 'u') String> raw,
            @ForAll @StringLength(max = 60) @CharRange(from = 'h', to = 'u') String rawText,
            @ForAll @IntRange(min = 0, max = 400) int budget) {
        String alphabet = "aAbB-+ \u212AkKs\u017f\u00e4\u00c4";
        List<String> literals = raw.stream().map(l -> remap(l, alphabet)).toList();
        String text = remap(rawText, alphabet);
        Set<Integer> expected = naiveFoldedSearch(literals, text);
        assertThat(found(LiteralAutomaton.of(literals, budget), text)).isEqualTo(expected);
        assertThat(found(LiteralAutomaton.of(literals, budget), new StringBuilder(text))).isEqualTo(expected);
    }

    private static String remap(String s, String alphabet) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            b.append(alphabet.charAt((s.charAt(i) - 'h') % alphabet.length()));
        }
        return b.toString();
    }

    /** Indexes of the literals whose folded form occurs in the folded text: the reference answer. */
    private static Set<Integer> naiveFoldedSearch(List<String> literals, String text) {
        Set<Integer> expected = new TreeSet<>();
        String foldedText = foldAll(text);
        for (int i = 0; i < literals.size(); i++) {
            if (foldedText.contains(foldAll(literals.get(i)))) {
                expected.add(i);
            }
        }
        return expected;
    }

    private static String foldAll(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            b.append(LiteralAutomaton.fold(s.charAt(i)));
        }
        return b.toString();
    }
}
