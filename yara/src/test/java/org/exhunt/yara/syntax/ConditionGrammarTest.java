package org.exhunt.yara.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The condition grammar and YARA's precedences, each case shown by the tree's full parenthesisation. */
class ConditionGrammarTest {

    private static String shape(String condition) {
        return SourcePrinter.fullyParenthesized(RuleParser.parseCondition("t.yar", condition));
    }

    @ParameterizedTest(name = "{0}  =>  {1}")
    @CsvSource(delimiter = '|', value = {
            "a or b and c | (a or (b and c))",
            "a and b or c | ((a and b) or c)",
            "not a and b | ((not a) and b)",
            "not 1 == 2 | (not (1 == 2))",
            "defined x or y | ((defined x) or y)",
            "1 + 2 * 3 | (1 + (2 * 3))",
            "1 - 2 - 3 | ((1 - 2) - 3)",
            "8 \\ 2 % 3 | ((8 \\ 2) % 3)",
            "1 + 2 << 3 | ((1 + 2) << 3)",
            "-1 + ~2 | ((-1) + (~2))",
            "- - 3 | (-(-3))",
            "1 < 2 == 3 > 4 | ((1 < 2) == (3 > 4))",
            "x == 1 and y != 2 | ((x == 1) and (y != 2))",
            "a contains \"b\" or a iequals \"C\" | ((a contains \"b\") or (a iequals \"C\"))",
            "a matches /x+/is and b | ((a matches /x+/is) and b)",
            "a startswith \"x\" and a endswith \"y\" | ((a startswith \"x\") and (a endswith \"y\"))",
            "a istartswith \"x\" or a iendswith \"y\" or a icontains \"z\" | (((a istartswith \"x\") or (a iendswith \"y\")) or (a icontains \"z\"))",
    })
    void operatorsBindAsYaraDocumentsThem(String condition, String expected) {
        assertThat(shape(condition)).isEqualTo(expected);
    }

    @Test
    void bitwiseOperatorsBindOrXorAndShiftFromLooseToTight() {
        assertThat(shape("1 | 2 ^ 3 & 4 << 1 >> 2")).isEqualTo("(1 | (2 ^ (3 & ((4 << 1) >> 2))))");
        assertThat(shape("1 & 2 | 3")).isEqualTo("((1 & 2) | 3)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$a | $a",
            "$a at 0x100 | ($a at 256)",
            "$a at 10 + 2 | ($a at (10 + 2))",
            "$a in (0..filesize - 1) | ($a in (0..(filesize - 1)))",
            "#a == 2 | (#a == 2)",
            "#a in (0..100) > 1 | ((#a in (0..100)) > 1)",
            "@a[1] + !a[2] < @a + !a | ((@a[1] + !a[2]) < (@a + !a))",
            "2 of them | (2 of them)",
            "1 + 1 of ($a, $b*) | ((1 + 1) of ($a, $b*))",
            "50% of them | (50% of them)",
            "all of ($*) | (all of ($*))",
            "any of them in (0..10) | (any of them in (0..10))",
            "none of ($a*) at 0 | (none of ($a*) at 0)",
            "any of (rule_a, web*) | (any of (rule_a, web*))",
            "for any of ($a, $b) : ($ at 0) | for any of ($a, $b) : (($ at 0))",
            "for all i in (1..#a) : (@a[i] > 5) | for all i in (1..#a) : ((@a[i] > 5))",
            "for 2 i in (1, 2, 3) : (i == 2) | for 2 i in (1, 2, 3) : ((i == 2))",
            "for any k, v in pe.version_info : (k == \"x\") | for any k, v in pe.version_info : ((k == \"x\"))",
            "for 10 of them : (# > 1) | for 10 of them : ((# > 1))",
            "pe.sections[0].name == \".text\" | (pe.sections[0].name == \".text\")",
            "math.entropy(0, filesize) >= 7.5 | (math.entropy(0, filesize) >= 7.5)",
            "uint16(0) == 0x5A4D and uint32be(@a[1] + 4) == 1 | ((uint16(0) == 23117) and (uint32be((@a[1] + 4)) == 1))",
            "int8(0) + uint8be(1) + int32be(2) | ((int8(0) + uint8be(1)) + int32be(2))",
            "filesize < 2MB and entrypoint > 1KB | ((filesize < 2097152) and (entrypoint > 1024))",
            "0o17 == 15 and 0x1f == 31 | ((15 == 15) and (31 == 31))",
            "(true) and not (false) | (true and (not false))",
    })
    void everyKindOfConditionParses(String condition, String expected) {
        assertThat(shape(condition)).isEqualTo(expected);
    }

    @Test
    void aPercentageBindsToItsNearestOperandAsInYacc() {
        assertThat(shape("2 * 30% of them")).isEqualTo("((2 * 30)% of them)");
        assertThat(shape("(1 + 1)% of them")).isEqualTo("((1 + 1)% of them)");
        assertThatThrownBy(() -> RuleParser.parseCondition("t.yar", "1 + 50% of them"))
                .isInstanceOf(YaraSyntaxException.class)
                .hasMessageStartingWith("t.yar:1:7: syntax error: put the percentage in parentheses");
    }

    @Test
    void aPercentageCannotBeLimitedToARange() {
        assertThatThrownBy(() -> RuleParser.parseCondition("t.yar", "50% of them in (0..10)"))
                .isInstanceOf(YaraSyntaxException.class)
                .hasMessageContaining("cannot be limited to a range");
    }

    @Test
    void aLoopCannotBeCountedInPercent() {
        assertThatThrownBy(() -> RuleParser.parseCondition("t.yar", "for 10% of them : ($)"))
                .isInstanceOf(YaraSyntaxException.class)
                .hasMessageStartingWith("t.yar:1:7: syntax error: a percentage cannot count a for loop");
    }

    @Test
    void aStringSetWildcardAloneIsNotACondition() {
        assertThatThrownBy(() -> RuleParser.parseCondition("t.yar", "$a* and true"))
                .isInstanceOf(YaraSyntaxException.class)
                .hasMessageContaining("set of strings");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "true and | 1:9 | expected an expression",
            "1 + | 1:4 | expected an expression",
            "(1 == 1 | 1:8 | to close \"(\"",
            "$a in (0..) | 1:11 | expected an expression",
            "for any i (1..2) : (true) | 1:11 | \"in\" after the loop variables",
            "any of $a | 1:8 | \"(\"",
            "x matches \"y\" | 1:11 | regular expression",
            "99999999999999999999 > 1 | 1:1 | integer overflow",
    })
    void aBrokenConditionIsReportedWhereItBreaks(String condition, String where, String what) {
        assertThatThrownBy(() -> RuleParser.parseCondition("t.yar", condition))
                .isInstanceOf(YaraSyntaxException.class)
                .hasMessageStartingWith("t.yar:" + where + ":")
                .hasMessageContaining(what);
    }
}
