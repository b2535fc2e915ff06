package org.exhunt.yara.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HexParserTest {

    private static List<int[]> scan(String hex, byte[] data) {
        List<int[]> out = new ArrayList<>();
        PatternSet.compile(List.of(PatternSpec.hex(hex))).scan(data, (p, o, l) -> out.add(new int[] {o, l}));
        return out;
    }

    @Test
    void nibble_wildcards_match_either_half() {
        assertThat(scan("4? ?2", new byte[] {0x41, 0x12, 0x4F, 0x72})).extracting(m -> m[0]).containsExactly(0, 2);
    }

    @Test
    void negated_byte_matches_anything_else() {
        assertThat(scan("41 ~42", new byte[] {0x41, 0x42, 0x41, 0x43})).extracting(m -> m[0]).containsExactly(2);
    }

    @Test
    void jump_takes_the_nearest_continuation() {
        assertThat(scan("41 [1-5] 42", "A..B.B".getBytes())).containsExactly(new int[] {0, 4});
    }

    @Test
    void unbounded_jump_reaches_past_the_match_length_cap_through_chaining() {
        byte[] data = new byte[10_000];
        data[0] = 'A';
        data[1] = 'B';
        data[9_000] = 'C';
        assertThat(scan("41 42 [-] 43", data)).containsExactly(new int[] {0, 9_001});
    }

    @Test
    void comments_are_allowed_between_tokens() {
        assertThat(scan("41 /* an A */ 42 // then B\n", "xAB".getBytes())).containsExactly(new int[] {1, 2});
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';1;empty hex string",
        "[2] 41;1;cannot begin with a jump",
        "41 [2];4;cannot end with a jump",
        "41 4;4;two hex digits",
        "41 G1;4;expected a hex byte",
        "41 [5-2] 42;4;invalid jump range",
        "41 [0] 42;4;invalid jump length",
        "41 ( 42 | [-] 43 );11;cannot begin with a jump",
        "41 ( 42 [-] 43 | 44 );9;unbounded jumps are not allowed inside an alternation",
        "41 ( 42 [1-300] 43 | 44 );9;jumps over 200",
        "41 ( 42 | ) 43;11;empty alternative",
        "41 ( 42 | 43;4;never closed",
        "41 ) 42;4;unbalanced",
        "41 ~?? 42;4;negates nothing",
    })
    void malformed_hex_strings_are_rejected_with_a_column(String source, int column, String reason) {
        assertThatThrownBy(() -> HexParser.parse(source))
                .isInstanceOfSatisfying(PatternSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.reason()).contains(reason);
                });
    }
}
