package org.exhunt.sigma.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class SkipScanTest {

    /** How often each literal was reported. */
    private static Map<Integer, Integer> counted(LiteralAutomaton a, String text, boolean anyOrder) {
        Map<Integer, Integer> out = new TreeMap<>();
        LiteralAutomaton.HitSink sink = id -> out.merge(id, 1, Integer::sum);
        if (anyOrder) {
            a.scanAnyOrder(text, sink);
        } else {
            a.scan(text, sink);
        }
        return out;
    }

    /**
     * Skipping reports every occurrence the automaton reports, as often: literals of six or more
     * characters over letters whose case pairs leave ASCII (Kelvin sign, long s, dotted I), texts
     * made partly of the literals' own pieces so that they really occur, overlap and repeat.
     */
    @Property(tries = 500)
    void skipping_reports_what_the_automaton_reports(
            @ForAll @Size(min = 1, max = 10) List<@StringLength(min = 6, max = 12) @CharRange(from = 'h', to = 'p') String> raw,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 40) Integer> pieces,
            @ForAll @StringLength(max = 30) @CharRange(from = 'h', to = 'w') String noise) {
        String alphabet = "kK\u212Asſ\u017fSiI\u0130-";
        List<String> literals = raw.stream().map(l -> remap(l, alphabet)).toList();
        StringBuilder text = new StringBuilder(remap(noise, "abkKsS \u212A\u00e4-:"));
        for (int p : pieces) {
            String lit = literals.get(p % literals.size());
            int cut = p % 3;
            text.append(lit, cut, lit.length()).append(p % 2 == 0 ? "" : remap(noise, "ks:"));
        }
        LiteralAutomaton a = LiteralAutomaton.of(literals);
        Map<Integer, Integer> expected = counted(a, text.toString(), false);
        assertThat(counted(a, text.toString(), true)).as("text %s", text).isEqualTo(expected);
        Statistics.label("found").collect(!expected.isEmpty());
        Statistics.label("found").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    @Test
    void applies_only_to_a_few_long_literals_that_fold_to_ascii() {
        assertThat(SkipScan.of(List.of("sekurlsa::", "privilege::debug"))).isNotNull();
        assertThat(SkipScan.of(List.of("sekurlsa::", "kiwi"))).as("a short literal").isNull();
        assertThat(SkipScan.of(List.of("sekurlsa::", "gr\u00fc\u00dfe-welt"))).as("a non-ASCII literal").isNull();
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= SkipScan.MAX_LITERALS; i++) {
            many.add("literal-" + i);
        }
        assertThat(SkipScan.of(many)).as("too many literals").isNull();
        assertThat(SkipScan.of(List.of("", "sekurlsa::"))).as("empty literals are left out").isNotNull();
    }

    @Test
    void finds_keywords_written_with_the_kelvin_sign_and_the_long_s() {
        LiteralAutomaton a = LiteralAutomaton.of(List.of("sekurlsa::", "kerberos::ptt"));
        String text = "mimikatz # \u017fe\u212Aurlsa::logonpasswords; KERBEROS::PTT ticket.kirbi; sekurlsa:";
        assertThat(counted(a, text, true)).isEqualTo(Map.of(0, 1, 1, 1));
    }

    private static String remap(String s, String alphabet) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            b.append(alphabet.charAt((s.charAt(i) - 'h') % alphabet.length()));
        }
        return b.toString();
    }
}
