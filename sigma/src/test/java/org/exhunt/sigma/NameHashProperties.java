package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NameHashProperties {

    /** Letters whose case pairs leave ASCII or join several letters (Kelvin sign, long s, dotless i). */
    private static final String ALPHABET = "aAkK\u212AsS\u017fiI\u0131\u0130_-1";

    @Property
    void names_equal_ignoring_case_share_their_hash(
            @ForAll @StringLength(max = 8) @CharRange(from = 'a', to = 'n') String rawA,
            @ForAll @StringLength(max = 8) @CharRange(from = 'a', to = 'n') String rawB) {
        String a = remap(rawA);
        String b = remap(rawB);
        if (a.equalsIgnoreCase(b)) {
            assertThat(SigmaEvent.nameHash(a)).isEqualTo(SigmaEvent.nameHash(b));
        }
        String upper = a.toUpperCase(java.util.Locale.ROOT);
        if (upper.length() == a.length() && upper.equalsIgnoreCase(a)) {
            assertThat(SigmaEvent.nameHash(upper)).isEqualTo(SigmaEvent.nameHash(a));
        }
    }

    @Test
    void an_event_without_its_own_lookup_by_hash_answers_as_by_name() {
        SigmaEvent e = MapEvent.of("CommandLine", "whoami");
        assertThat(e.get("CommandLine", SigmaEvent.nameHash("CommandLine"))).isEqualTo("whoami");
        assertThat(e.get("Image", SigmaEvent.nameHash("Image"))).isNull();
    }

    private static String remap(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            b.append(ALPHABET.charAt(s.charAt(i) - 'a'));
        }
        return b.toString();
    }
}
