package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.failure;
import static org.exhunt.sigma.value.Predicates.item;
import static org.exhunt.sigma.value.Predicates.matchesF;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** base64, base64offset and the UTF-16 encodings. */
class EncodingModifiersTest {

    private static List<String> offsets(String value) throws ValueException {
        return Encodings.base64Offsets(SigmaString.parse(value, false), false).stream()
                .map(SigmaString::plainText).toList();
    }

    @Test
    void base64offsetGivesTheThreeShiftedForms() throws ValueException {
        // the classic example of the Sigma specification and pySigma
        assertThat(offsets("/bin/bash")).containsExactly("L2Jpbi9iYXNo", "9iaW4vYmFza", "vYmluL2Jhc2");
        assertThat(offsets("foobar")).containsExactly("Zm9vYmFy", "Zvb2Jhc", "mb29iYX");
    }

    @Test
    void base64offsetFindsTheValueAtEveryOffsetOfAnEncodedText() {
        FieldPredicate p = item("f|base64offset|contains", "/bin/bash");
        for (String prefix : List.of("", "x", "xy", "xyz", "wxyz")) {
            String encoded = Base64.getEncoder().encodeToString((prefix + "/bin/bash -i").getBytes(StandardCharsets.UTF_8));
            assertThat(matchesF(p, "sh -c echo " + encoded)).as("prefix '%s'", prefix).isTrue();
        }
        String other = Base64.getEncoder().encodeToString("/bin/zsh -i".getBytes(StandardCharsets.UTF_8));
        assertThat(matchesF(p, other)).isFalse();
    }

    @Test
    void base64EncodesTheWholeValue() {
        FieldPredicate p = item("f|base64", "IEX (New-Object");
        assertThat(matchesF(p, "SUVYIChOZXctT2JqZWN0")).isTrue();
        assertThat(matchesF(item("f|base64|contains", "IEX (New-Object"), "x SUVYIChOZXctT2JqZWN0 y")).isTrue();
        assertThat(matchesF(p, "x SUVYIChOZXctT2JqZWN0")).isFalse();
    }

    @Test
    void wideBase64offsetMatchesWhatSigmaHqSpellsOut() {
        // rule proc_creation_win_powershell_base64_frombase64string lists this UTF-16LE form
        FieldPredicate p = item("f|wide|base64offset|contains", "::FromBase64String");
        assertThat(matchesF(p, "powershell -e OgA6AEYAcgBvAG0AQgBhAHMAZQA2ADQAUwB0AHIAaQBuAGcA")).isTrue();
        assertThat(matchesF(p, "powershell -e 6ADoARgByAG8AbQBCAGEAcwBlADYANABTAHQAcgBpAG4AZw")).isTrue();
    }

    @Test
    void utf16EncodingsFollowTheSpecExamples() throws ValueException {
        // spec: cmd > 63 00 6d 00 64 00 (le), 00 63 00 6d 00 64 (be), FF FE 63 00 6d 00 64 00 (utf16)
        assertThat(Encodings.utf16(SigmaString.literal("cmd"), Modifier.UTF16LE).plainText()).isEqualTo("c\0m\0d\0");
        assertThat(Encodings.utf16(SigmaString.literal("cmd"), Modifier.UTF16BE).plainText()).isEqualTo("\0c\0m\0d");
        assertThat(Encodings.utf16(SigmaString.literal("cmd"), Modifier.UTF16).plainText()).isEqualTo("\u00ff\u00fec\0m\0d\0");
        assertThat(matchesF(item("f|utf16|base64", "cmd"), "//5jAG0AZAA=")).isTrue();
        assertThat(matchesF(item("f|utf16be|base64", "cmd"), "AGMAbQBk")).isTrue();
    }

    @Test
    void base64RefusesWildcards() {
        assertThat(failure("f|base64", "a*b").getMessage()).contains("cannot encode wildcards");
        assertThat(failure("f|contains|base64offset", "ab").getMessage()).contains("base64offset|contains");
    }

    @Test
    void windashBeforeAnEncodingSpellsOutEveryDash() {
        FieldPredicate p = item("f|windash|base64offset|contains", "-enc");
        String slash = Base64.getEncoder().encodeToString("x /enc y".getBytes(StandardCharsets.UTF_8));
        assertThat(matchesF(p, slash)).isTrue();
    }
}
