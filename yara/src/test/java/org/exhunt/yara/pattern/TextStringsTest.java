package org.exhunt.yara.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextStringsTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> scan(PatternSpec spec, byte[] data) {
        List<String> out = new ArrayList<>();
        PatternSet.compile(List.of(spec)).scan(data, (p, o, l) -> out.add(o + ":" + l));
        return out;
    }

    @Test
    void base64_forms_are_the_three_alignments_of_the_documentation_example() {
        List<String> forms = Base64Forms.forms(b("This program cannot"), Modifiers.none().base64()).stream()
                .map(f -> new String(f, StandardCharsets.ISO_8859_1)).toList();
        assertThat(forms).containsExactly("VGhpcyBwcm9ncmFtIGNhbm5vd", "RoaXMgcHJvZ3JhbSBjYW5ub3", "UaGlzIHByb2dyYW0gY2Fubm90");
    }

    @Test
    void base64_with_a_custom_alphabet_encodes_with_that_alphabet() {
        String reversed = new StringBuilder(Modifiers.STANDARD_ALPHABET).reverse().toString();
        byte[] encoded = Base64Forms.trimmed(b("abc"), 0, b(reversed));
        byte[] standard = Base64Forms.trimmed(b("abc"), 0, b(Modifiers.STANDARD_ALPHABET));
        for (int i = 0; i < standard.length; i++) {
            assertThat(encoded[i]).isEqualTo((byte) reversed.charAt(Modifiers.STANDARD_ALPHABET.indexOf(standard[i])));
        }
    }

    @Test
    void base64wide_interleaves_the_encoded_text_with_zeros() {
        byte[] wide = TextForms.widen(b("VGhpcyBwcm9ncmFtIGNhbm5vd"));
        byte[] data = new byte[wide.length + 4];
        System.arraycopy(wide, 0, data, 2, wide.length);
        assertThat(scan(PatternSpec.text(b("This program cannot"), Modifiers.none().base64wide()), data))
                .containsExactly("2:" + wide.length);
    }

    @Test
    void xor_includes_the_plain_text_when_key_zero_is_in_range() {
        byte[] data = b("abc " + xor("abc", 7));
        assertThat(scan(PatternSpec.text(b("abc"), Modifiers.none().xor()), data)).containsExactly("0:3", "4:3");
        assertThat(scan(PatternSpec.text(b("abc"), Modifiers.none().xor(1, 255)), data)).containsExactly("4:3");
        assertThat(scan(PatternSpec.text(b("abc"), Modifiers.none().xor(8, 9)), data)).isEmpty();
    }

    @Test
    void wide_xor_xors_the_zero_bytes_too() {
        byte[] data = b(xor("a\u0000b\u0000", 5));
        assertThat(scan(PatternSpec.text(b("ab"), Modifiers.none().wide().xor()), data)).containsExactly("0:4");
    }

    @Test
    void nocase_folds_ascii_letters_only() {
        assertThat(scan(PatternSpec.text(b("a\u00e9"), Modifiers.none().nocase()), b("A\u00e9 A\u00c9"))).containsExactly("0:2");
    }

    @Test
    void fullword_treats_underscore_as_a_delimiter_and_checks_wide_neighbours() {
        assertThat(scan(PatternSpec.text(b("cmd"), Modifiers.none().fullword()), b("_cmd_ xcmd cmd1 cmd")))
                .containsExactly("1:3", "16:3");
        byte[] wide = b("x\u0000c\u0000m\u0000d\u0000 c\u0000m\u0000d\u0000");
        assertThat(scan(PatternSpec.text(b("cmd"), Modifiers.none().wide().fullword()), wide)).containsExactly("9:6");
    }

    @Test
    void modifier_combinations_yara_refuses_are_refused_with_the_pattern_index() {
        assertThatThrownBy(() -> PatternSet.compile(List.of(
                PatternSpec.text(b("x"), Modifiers.none()),
                PatternSpec.text(b("abc"), Modifiers.none().xor().nocase()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern 1")
                .hasMessageContaining("xor cannot be combined with nocase");
        assertThatThrownBy(() -> PatternSet.compile(List.of(PatternSpec.text(b("abc"), Modifiers.none().base64("short")))))
                .hasMessageContaining("64 single-byte characters");
        assertThatThrownBy(() -> PatternSet.compile(List.of(PatternSpec.text(new byte[0], Modifiers.none()))))
                .hasMessageContaining("empty text string");
    }

    @Test
    void many_xor_strings_still_compile_and_match() {
        List<PatternSpec> specs = new ArrayList<>();
        for (int i = 0; i < 200; i++) specs.add(PatternSpec.text(b("secret-" + i), Modifiers.none().xor().ascii().wide()));
        PatternSet set = PatternSet.compile(specs);
        byte[] data = b("..." + xor("secret-123", 0x5A) + "...");
        List<String> found = new ArrayList<>();
        set.scan(data, (p, o, l) -> found.add(p + "@" + o + ":" + l));
        // secret-1 and secret-12 are prefixes of secret-123, xored with the same key.
        assertThat(found).containsExactly("1@3:8", "12@3:9", "123@3:10");
    }

    @Test
    void matches_per_pattern_stop_at_the_limit() {
        byte[] data = new byte[Limits.MAX_MATCHES_PER_PATTERN + 10];
        Arrays.fill(data, (byte) 'a');
        long[] count = {0};
        PatternSet.compile(List.of(PatternSpec.text(b("a"), Modifiers.none()))).scan(data, (p, o, l) -> count[0]++);
        assertThat(count[0]).isEqualTo(Limits.MAX_MATCHES_PER_PATTERN);
    }

    private static String xor(String s, int k) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append((char) (c ^ k));
        return sb.toString();
    }
}
