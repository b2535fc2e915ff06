package org.exhunt.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Matches are capped per string (as yara caps them) and per buffer, and both caps are reported. */
class MatchLimitsTest {

    @Test
    void a_string_matching_everywhere_keeps_a_million_matches_and_says_so() {
        byte[] data = new byte[1_500_000];
        Arrays.fill(data, (byte) 'a');
        ScanResult r = scan("rule many { strings: $a = \"a\" condition: #a == 1000000 }", data);
        assertThat(r.matches()).extracting(YaraMatch::rule).containsExactly("many");
        assertThat(r.warnings()).anyMatch(w -> w.contains("$a has too many matches"));
    }

    @Test
    void many_strings_matching_everywhere_are_capped_for_the_whole_buffer() {
        byte[] data = new byte[1_200_000];
        Arrays.fill(data, (byte) 'a');
        ScanResult r = scan("rule flood { strings: $a = \"a\" $b = \"aa\" $c = \"aaa\" $d = \"aaaa\" $e = \"aaaaa\""
                + " condition: any of them and not $e }", data);
        // The first four strings fill the buffer's quota; the fifth keeps none, and the warning says
        // that rules counting matches may be missed.
        assertThat(r.matches()).extracting(YaraMatch::rule).containsExactly("flood");
        assertThat(r.warnings()).anyMatch(w -> w.contains("string matches in this data"));
        assertThat(r.matches().get(0).strings()).hasSizeLessThanOrEqualTo(5 * YaraScanner.MAX_REPORTED_PER_STRING);
    }

    private static ScanResult scan(String rule, byte[] data) {
        YaraCompiler c = new YaraCompiler();
        assertThat(c.addText("limits.yar", rule)).isTrue();
        return YaraScanner.of(c.rules()).scan(data, ScanOptions.defaults().withStrings(true));
    }
}
