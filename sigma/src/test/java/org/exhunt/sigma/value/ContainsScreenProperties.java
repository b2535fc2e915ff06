package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.item;
import static org.exhunt.sigma.value.Predicates.matchesF;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * An item with many substring values screens them in one pass; its answer must be the one the
 * values give tested one by one (each alone is below the screening threshold).
 */
class ContainsScreenProperties {

    /** Letters with case partners outside ASCII (Kelvin sign, long s, dotted I) and dashes. */
    private static final String CHARS = "abkKsSiI-\u2013/x\u212a\u017f\u0130\u00e4\u00c4";

    @Provide
    Arbitrary<List<String>> valueLists() {
        Arbitrary<String> plain = Arbitraries.strings().withChars(CHARS).ofMinLength(0).ofMaxLength(3);
        Arbitrary<String> value = Arbitraries.oneOf(plain, plain, plain, plain.map(v -> v + "*a"), plain.map(v -> "?" + v));
        return value.list().ofMinSize(ContainsScreen.MIN_VALUES).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars(CHARS).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> modifiers() {
        return Arbitraries.of("f|contains", "f|contains|all", "f|contains|cased", "f|contains|windash",
                "f|contains|all|cased", "f|contains|all|windash", "f|contains|re", "f");
    }

    @Property(tries = 4000)
    void screening_never_changes_an_answer(@ForAll("modifiers") String modifiers,
                                           @ForAll("valueLists") List<String> values,
                                           @ForAll("texts") String text) {
        if (modifiers.endsWith("|re")) {
            modifiers = "f|contains";
        }
        boolean all = modifiers.contains("|all");
        boolean expected = all;
        for (String v : values) {
            boolean one = matchesF(item(modifiers, v), text);
            expected = all ? expected && one : expected || one;
        }
        FieldPredicate whole = item(modifiers, values.toArray());
        assertThat(matchesF(whole, text)).as("%s %s on '%s'", modifiers, values, text).isEqualTo(expected);
    }

    @Test
    void an_item_with_many_substrings_finds_the_one_present_in_any_case() {
        FieldPredicate p = item("f|contains", "mimikatz", "sekurlsa", "lsadump", "kerberos::", "privilege::debug");
        assertThat(matchesF(p, "cmd /c Invoke-MIMIKATZ -x")).isTrue();
        assertThat(matchesF(p, "C:\\x.exe \"PRIVILEGE::Debug\"")).isTrue();
        assertThat(matchesF(p, "notepad.exe report.txt")).isFalse();
        assertThat(matchesF(p, 12345L)).isFalse();
        assertThat(matchesF(item("f|contains", "123", "999", "888"), 41234L)).isTrue();
    }

    @Test
    void screened_and_unscreened_values_mix_in_one_item() {
        FieldPredicate p = item("f|contains|all", "abc", "d*f", "ghi", "jkl");
        assertThat(matchesF(p, "ABC dxxF ghi JKL")).isTrue();
        assertThat(matchesF(p, "ABC ghi JKL")).isFalse();
        assertThat(matchesF(p, "ABC dxxF JKL")).isFalse();
    }
}
