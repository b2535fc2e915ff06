package org.exhunt.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The semantic checks yarac makes while compiling, with its wording, and where each is reported. */
class CompileTimeChecksTest {

    private static List<YaraProblem> problems(String text) {
        YaraCompiler c = new YaraCompiler();
        boolean accepted = c.addText("t.yar", text);
        List<YaraProblem> problems = c.rules().problems();
        assertThat(accepted).as("accepted exactly when there are no problems: %s", problems).isEqualTo(problems.isEmpty());
        return problems;
    }

    private static String firstProblem(String text) {
        List<YaraProblem> p = problems(text);
        assertThat(p).as("problems of: %s", text).isNotEmpty();
        return p.get(0).toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = ";;", value = {
            "rule a { condition: true } rule a { condition: true } ;; t.yar:1:28: rule \"a\": duplicated identifier \"a\"",
            "rule a { strings: $a = \"x\" $a = \"y\" condition: $a } ;; t.yar:1:28: rule \"a\": duplicated string identifier \"$a\"",
            "rule a { strings: $a = \"x\" $b = \"y\" condition: $a } ;; t.yar:1:28: rule \"a\": unreferenced string \"$b\"",
            "rule a { strings: $ = \"x\" condition: true } ;; t.yar:1:19: rule \"a\": unreferenced string \"$\"",
            "rule a { strings: $a = \"x\" condition: $a and $b } ;; t.yar:1:46: rule \"a\": undefined string \"$b\"",
            "rule a { strings: $a = \"x\" condition: any of ($b*) } ;; t.yar:1:46: rule \"a\": undefined string \"$b*\"",
            "rule a { condition: foo } ;; t.yar:1:21: rule \"a\": undefined identifier \"foo\"",
            "rule a { condition: b } rule b { condition: true } ;; t.yar:1:21: rule \"a\": undefined identifier \"b\"",
            "import \"foo\" rule a { condition: true } ;; t.yar:1:1: unknown module \"foo\"",
            "import \"pe\" rule a { condition: pe.foo == 1 } ;; t.yar:1:36: rule \"a\": invalid field name \"foo\"",
            "rule a { condition: pe.number_of_sections == 1 } ;; t.yar:1:21: rule \"a\": undefined identifier \"pe\"",
            "rule a { strings: $a = \"x\" condition: $ } ;; t.yar:1:39: rule \"a\": wrong use of anonymous string",
            "rule a { strings: $a = /ab(c/ condition: $a } ;; t.yar:1:19: rule \"a\": invalid regular expression \"$a\": syntax error: unbalanced parenthesis",
            "rule a { strings: $a = /a{3,1}/ condition: $a } ;; t.yar:1:19: rule \"a\": invalid regular expression \"$a\": bad repeat interval",
            "rule a { condition: 10 \\ 0 == 1 } ;; t.yar:1:24: rule \"a\": division by zero",
    })
    void yaracsCompileErrorsAreFoundAndPlaced(String text, String expected) {
        assertThat(firstProblem(text)).startsWith(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = ";;", value = {
            "filesize == \"x\" ;; type mismatch",
            "\"x\" contains 1 ;; wrong type \"integer\" for contains operator",
            "1.5 << 1 ;; wrong type \"float\" for << operator",
            "-\"a\" ;; wrong type \"string\" for - operator",
            "\"a\" == 1.0 ;; type mismatch",
            "true == true ;; type mismatch",
            "$a at \"x\" ;; wrong type \"string\" for at operator",
            "$a in (0..\"a\") ;; wrong type for range's upper bound",
            "$a matches /a/ ;; wrong type \"boolean\" for matches operator",
            "$a + 1 > 0 ;; wrong type \"boolean\" for + operator",
            "filename + 1 > 0 ;; wrong type \"string\" for + operator",
            "math.entropy(\"a\", 1) > 7 ;; wrong arguments for function \"math.entropy\"",
            "pe.number_of_sections(1) ;; \"pe.number_of_sections\" is not a function",
            "pe.sections[\"a\"].name == \"x\" ;; array indexes must be of integer type",
            "pe.version_info[1] == \"x\" ;; dictionary keys must be of string type",
            "for any s in (1, \"b\") : ( true ) ;; wrong type for enumeration item",
            "for any k in pe.version_info : ( true ) ;; wrong number of loop variables",
            "for any i in (1..2) : ( j == 1 ) ;; undefined identifier \"j\"",
            "150% of them ;; percentage must be between 1 and 100",
            "(200 - 50)% of them ;; percentage must be between 1 and 100 (inclusive), not 150",
            "-5% of them ;; percentage must be between 1 and 100 (inclusive), not -5",
            "filesize \\ (2 - 2) == 1 ;; division by zero",
            "filesize >> (0 - 1) == 0 ;; shift by a negative amount (-1)",
            "9223372036854775807 + 1 > 0 ;; integer overflow in \"9223372036854775807 + 1\"",
            "for any i in (1..2) : ( for any i in (1..3) : ( true ) ) ;; duplicated loop identifier \"i\"",
            "1.5% of them ;; wrong type \"float\" for % operator",
            "any of (nosuchrule*) ;; undefined identifier \"nosuchrule*\"",
            "/abc/ ;; wrong type \"regexp\" for and",
            "pe.sections ;; wrong type \"array\" for and",
    })
    void conditionsThatDoNotTypeAreRejected(String condition, String what) {
        String text = "import \"pe\" import \"math\" rule a { strings: $a = \"x\" condition: $a and (" + condition + ") }";
        assertThat(firstProblem(text)).contains(what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = ";;", value = {
            "filesize > 1KB and uint16(0) == 0x5A4D and #a > 2 and @a[1] < 100 and !a[1] == 1",
            "filename iequals \"x.aspx\" and extension == \".aspx\" and filepath contains \"inetpub\" and owner != \"\"",
            "filename matches /\\.aspx$/i",
            "math.entropy(0, filesize) > 7.0 and math.deviation(0, filesize, math.MEAN_BYTES) < 1.0",
            "hash.md5(0, filesize) == \"d41d8cd98f00b204e9800998ecf8427e\"",
            "pe.imphash() == \"x\" or pe.exports(\"Run\") or pe.imports(/kernel32/i, /Virtual.*/) or pe.is_dll()",
            "for any i in (0..pe.number_of_sections - 1) : ( pe.sections[i].name == \".text\" )",
            "for any s in pe.sections : ( s.raw_data_size > 0 )",
            "for any k, v in pe.version_info : ( k == \"CompanyName\" and v contains \"x\" )",
            "for any sig in pe.signatures : ( sig.serial == \"01\" and sig.valid_on(pe.timestamp) )",
            "pe.characteristics & pe.DLL and pe.machine == pe.MACHINE_AMD64",
            "for all of them : ( # > 0 and @ > 0 and ! > 0 and $ )",
            "for any s in (\"a\", \"b\") : ( filename == s )",
            "for any i in (1..2) : ( for any j in (1..2) : ( i == j ) ) and for any i in (3..4) : ( i > 2 )",
            "(200 - 150)% of them and 1.5 of them",
            "2 of ($a, $b) and 50% of them and none of ($b*) in (0..100)",
            "defined pe.number_of_sections",
            "other",
            "any of (oth*)",
    })
    void wellTypedConditionsAreAccepted(String condition) {
        String text = "import \"pe\" import \"math\" import \"hash\" rule other { condition: true } "
                + "rule a { strings: $a = \"x\" $b = { 41 42 } condition: $a and $b and (" + condition + ") }";
        assertThat(problems(text)).isEmpty();
    }

    @Test
    void aConditionThatIsNotABooleanIsRejected() {
        assertThat(firstProblem("rule a { condition: /abc/ }")).contains("wrong type \"regexp\" for condition");
    }

    @Test
    void stringsWhoseNamesStartWithAnUnderscoreMustStillBeUsed() {
        assertThat(firstProblem("rule a { strings: $a = \"xyz\" $_b = \"y\" condition: $a }"))
                .contains("unreferenced string \"$_b\"");
    }

    @Test
    void aFileWithOneBadRuleIsRejectedWholeAndTheOthersStay() {
        YaraCompiler c = new YaraCompiler();
        assertThat(c.addText("good.yar", "rule good { condition: true }")).isTrue();
        assertThat(c.addText("bad.yar", "rule fine { condition: true } rule broken { condition: nothing }")).isFalse();
        assertThat(c.addText("later.yar", "rule later { condition: good }")).isTrue();
        YaraRules rules = c.rules();
        assertThat(rules.rules()).extracting(r -> r.name()).containsExactly("good", "later");
        assertThat(rules.acceptedFiles()).containsExactly("good.yar", "later.yar");
        assertThat(rules.rejectedFiles()).containsExactly("bad.yar");
        assertThat(rules.problems()).extracting(YaraProblem::toString)
                .containsExactly("bad.yar:1:56: rule \"broken\": undefined identifier \"nothing\"");
    }

    @Test
    void aRuleFromARejectedFileCannotBeUsedLater() {
        YaraCompiler c = new YaraCompiler();
        c.addText("bad.yar", "rule lost { condition: true } rule broken { condition: 1 \\ 0 }");
        assertThat(c.addText("user.yar", "rule user { condition: lost }")).isFalse();
    }

    @Test
    void everyBadRuleOfAFileIsReported() {
        assertThat(problems("rule a { condition: x } rule b { condition: true } rule c { condition: y }"))
                .extracting(YaraProblem::rule).containsExactly("a", "c");
    }

    @Test
    void definedExternalsTakeTheTypeOfTheirValue() {
        YaraCompiler c = new YaraCompiler().defineExternal("score", 10L).defineExternal("strict", true)
                .defineExternal("ratio", 0.5);
        assertThat(c.addText("ok.yar", "rule a { condition: score > 5 and strict and ratio < 1.0 }")).isTrue();
        assertThat(c.addText("bad.yar", "rule b { condition: score contains \"x\" }")).isFalse();
        assertThat(c.rules().externals()).containsEntry("score", 10L).containsEntry("filename", "");
    }

    @Test
    void aRuleCannotTakeTheNameOfAnExternal() {
        assertThat(firstProblem("rule filename { condition: true }")).contains("duplicated identifier \"filename\"");
    }

    @Test
    void importedModulesAreListed() {
        YaraCompiler c = new YaraCompiler();
        c.addText("t.yar", "import \"pe\" rule a { condition: pe.is_pe == 1 }");
        assertThat(c.rules().modules()).containsExactly("pe");
    }

    @Test
    void aPluggedInRegexValidatorDecides() {
        YaraCompiler c = new YaraCompiler().regexValidator(r -> r.source().contains("x")
                ? java.util.Optional.of("no x here") : java.util.Optional.empty());
        assertThat(c.addText("a.yar", "rule a { strings: $a = /abc/ condition: $a }")).isTrue();
        assertThat(c.addText("b.yar", "rule b { condition: filename matches /x/ }")).isFalse();
        assertThat(c.rules().problems().get(0).message()).isEqualTo("invalid regular expression /x/: no x here");
    }
}
