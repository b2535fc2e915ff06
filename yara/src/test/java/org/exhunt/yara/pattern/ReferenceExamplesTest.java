package org.exhunt.yara.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Hand-picked strings from YARA's documentation, compared with what yara itself reports. */
class ReferenceExamplesTest {

    private static final String[][] CASES = {
        {"/abc(d|de)/", "R", "abc(d|de)"},
        {"/abc(d|de)f*/", "R", "abc(d|de)f*"},
        {"/abcd.*?x/", "R", "abcd.*?x"},
        {"/abcd.*x/", "R", "abcd.*x"},
        {"/[a-c]+cdex/", "R", "[a-c]+cdex"},
        {"/ab\\b/ wide", "RW", "ab\\b"},
        {"/AB[^c]/ nocase", "RI", "AB[^c]"},
        {"/\\x61[\\w-]{2,3}?/", "R", "\\x61[\\w-]{2,3}?"},
        {"/b\\Bc|x\\sa/", "R", "b\\Bc|x\\sa"},
        {"/^aa/", "R", "^aa"},
        {"/x$/", "R", "x$"},
        {"{ 61 62 63 64 [0-6] 78 }", "H", "61 62 63 64 [0-6] 78"},
        {"{ 61 62 63 64 ( 65 | 65 66 ) }", "H", "61 62 63 64 ( 65 | 65 66 )"},
        {"{ 6? 62 ?3 }", "H", "6? 62 ?3"},
        {"{ 61 62 [2-] 63 64 }", "H", "61 62 [2-] 63 64"},
        {"{ 61 62 [250-400] 63 64 }", "H", "61 62 [250-400] 63 64"},
        {"\"aa\"", "T", "aa"},
        {"\"abc\" fullword", "TF", "abc"},
        {"\"abc\" xor", "TX", "abc"},
        {"\"ab\" xor(1-3) ascii wide", "TXAW", "ab"},
        {"\"ab\" wide fullword", "TWF", "ab"},
        {"\"This program cannot\" base64", "TB", "This program cannot"},
        {"\"This program\" base64wide", "TBW", "This program"},
        {"\"ABC\" nocase wide ascii", "TNWA", "ABC"},
    };

    @Test
    void documented_examples_match_as_yara_reports() throws Exception {
        byte[] data = sample();
        List<String> defs = new ArrayList<>();
        List<PatternSpec> specs = new ArrayList<>();
        for (String[] c : CASES) {
            defs.add(c[0]);
            specs.add(spec(c[1], c[2]));
        }
        List<List<long[]>> expected = YaraCli.matches(defs, data);
        List<List<long[]>> actual = YaraCli.ours(PatternSet.compile(specs), data);
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < CASES.length; i++) {
            soft.assertThat(YaraCli.render(actual.get(i))).as(CASES[i][0]).isEqualTo(YaraCli.render(expected.get(i)));
        }
        soft.assertAll();
        assertThat(expected.stream().mapToInt(List::size).sum()).as("the sample exercises the strings").isGreaterThan(30);
    }

    static PatternSpec spec(String kind, String body) {
        if (kind.startsWith("R")) {
            Modifiers m = Modifiers.none();
            if (kind.contains("W")) m = m.wide();
            if (kind.contains("I")) m = m.nocase();
            return PatternSpec.regex(body, m, false);
        }
        if (kind.startsWith("H")) return PatternSpec.hex(body);
        Modifiers m = Modifiers.none();
        if (kind.contains("A")) m = m.ascii();
        if (kind.contains("W") && !kind.contains("B")) m = m.wide();
        if (kind.contains("N")) m = m.nocase();
        if (kind.contains("F")) m = m.fullword();
        if (kind.contains("X")) m = kind.contains("W") ? m.xor(1, 3) : m.xor();
        if (kind.contains("B")) m = kind.contains("W") ? m.base64wide() : m.base64();
        return PatternSpec.text(body.getBytes(StandardCharsets.ISO_8859_1), m);
    }

    static byte[] sample() {
        StringBuilder sb = new StringBuilder();
        sb.append("aaaabcdefxxxabcdex abc-abcd  This program cannot VGhpcyBwcm9ncmFtIGNhbm5vd\u0000\u0001\u0002");
        sb.append("a\u0000b\u0000 Xa\u0000b\u0000c\u0000 abxxxxxxxxxxcd");
        sb.append("y".repeat(300)).append("cd\n");
        sb.append("aB-a-_ abC AbC A\u0000B\u0000C\u0000 bc xa x\tab ");
        for (char c : "This program".toCharArray()) sb.append(c);
        sb.append(" U\u0000a\u0000G\u0000l\u0000z\u0000I\u0000H\u0000B\u0000y\u0000b\u00002\u0000d\u0000y\u0000");
        sb.append(" ").append(xored("abc", 0x41)).append(' ').append(xored("a\u0000b\u0000", 2)).append(' ').append(xored("ab", 1));
        sb.append(" a1-de a__de 6bc 6b\u00ffc x");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String xored(String s, int k) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append((char) (c ^ k));
        return sb.toString();
    }
}
