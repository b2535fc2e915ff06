package org.exhunt.yara.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule files: declarations, rule headers, meta, and the three kinds of string with their modifiers. */
class RuleFileSyntaxTest {

    private static RuleFile parse(String text) {
        return RuleParser.parse("t.yar", text);
    }

    private static Rule onlyRule(String text) {
        return (Rule) parse(text).declarations().stream().filter(d -> d instanceof Rule).findFirst().orElseThrow();
    }

    private static StringDef onlyString(String definition) {
        return onlyRule("rule r { strings: $a = " + definition + " condition: $a }").strings().get(0);
    }

    @Test
    void importsIncludesAndRulesKeepTheirOrder() {
        RuleFile f = parse("import \"pe\"\ninclude \"other.yar\"\nrule a { condition: true }\nimport\"math\"");
        assertThat(f.declarations()).extracting(d -> d.getClass().getSimpleName())
                .containsExactly("Import", "Include", "Rule", "Import");
        assertThat(((Declaration.Import) f.declarations().get(0)).module()).isEqualTo("pe");
        assertThat(((Declaration.Include) f.declarations().get(1)).path()).isEqualTo("other.yar");
        assertThat(f.declarations().get(2).pos()).isEqualTo(new Position("t.yar", 3, 1));
    }

    @Test
    void ruleHeaderCarriesModifiersAndTags() {
        Rule r = onlyRule("private global rule web_shell : asp aspx { condition: true }");
        assertThat(r.name()).isEqualTo("web_shell");
        assertThat(r.isPrivate()).isTrue();
        assertThat(r.isGlobal()).isTrue();
        assertThat(r.tags()).containsExactly("asp", "aspx");
    }

    @Test
    void aRepeatedTagIsRejected() {
        assertThatThrownBy(() -> parse("rule a : x y x { condition: true }"))
                .hasMessage("t.yar:1:14: duplicated tag identifier \"x\"");
    }

    @Test
    void metaValuesAreTextIntegersAndBooleans() {
        Rule r = onlyRule("rule a { meta: author = \"me\\n\" score = -70 big = 0x10 ok = true no = false condition: true }");
        assertThat(r.meta()).extracting(Meta::key).containsExactly("author", "score", "big", "ok", "no");
        assertThat(r.meta()).extracting(Meta::value).containsExactly("me\n", -70L, 16L, true, false);
    }

    @Test
    void aFloatMetaValueIsASyntaxError() {
        assertThatThrownBy(() -> parse("rule a { meta: x = 1.5 condition: true }"))
                .isInstanceOf(YaraSyntaxException.class).hasMessageContaining("as the value of meta \"x\"");
    }

    @Test
    void textStringEscapesBecomeBytes() {
        StringDef.Text t = (StringDef.Text) onlyString("\"a\\\"b\\\\c\\n\\t\\r\\x00\\xfF\u00e9\"");
        assertThat(t.bytes()).containsExactly('a', '"', 'b', '\\', 'c', '\n', '\t', '\r', 0x00, 0xFF, 0xE9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"a\\qb\" | 1:26 | illegal escape sequence \\q",
            "\"a\\x4\" | 1:26 | illegal escape sequence",
            "\"abc | 1:24 | unterminated string",
            "\"\" | 1:24 | empty string \"$a\"",
    })
    void badTextStringsAreRejectedWithTheirPlace(String definition, String where, String what) {
        assertThatThrownBy(() -> onlyString(definition))
                .hasMessageStartingWith("t.yar:" + where + ": ").hasMessageContaining(what);
    }

    @Test
    void textModifiersAreRead() {
        Modifiers m = onlyString("\"abc\" wide ascii nocase fullword private").modifiers();
        assertThat(m).isEqualTo(new Modifiers(true, true, true, true, true, false, 0, 0, false, false, null));
        assertThat(onlyString("\"abc\" xor").modifiers()).extracting(Modifiers::xor, Modifiers::xorMin, Modifiers::xorMax)
                .containsExactly(true, 0, 255);
        assertThat(onlyString("\"abc\" xor(7)").modifiers()).extracting(Modifiers::xorMin, Modifiers::xorMax)
                .containsExactly(7, 7);
        assertThat(onlyString("\"abc\" xor(0x01-0xff) wide").modifiers()).extracting(Modifiers::xorMin, Modifiers::xorMax, Modifiers::wide)
                .containsExactly(1, 255, true);
        String alphabet = "!@#$%^&*(){}[].,|ABCDEFGHIJ\\x09LMNOPQRSTUVWXYZabcdefghijklmnopqrstu";
        Modifiers b = onlyString("\"abc\" base64(\"" + alphabet + "\") base64wide").modifiers();
        assertThat(b.base64()).isTrue();
        assertThat(b.base64wide()).isTrue();
        assertThat(b.base64Alphabet()).hasSize(64).startsWith("!@#");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"abc\" nocase nocase | duplicated modifier \"nocase\"",
            "\"abc\" xor nocase | invalid modifier combination: xor nocase",
            "\"abc\" base64 nocase | invalid modifier combination: base64 nocase",
            "\"abc\" base64wide fullword | invalid modifier combination: base64wide fullword",
            "\"abc\" base64 xor | invalid modifier combination: base64 xor",
            "\"abc\" xor(5-2) | xor lower bound exceeds upper bound",
            "\"abc\" xor(300) | invalid xor range",
            "\"abc\" base64(\"abc\") | length of base64 alphabet must be 64",
            "{ 41 42 } nocase | modifier \"nocase\" is not allowed on hex strings",
            "/abc/ xor | modifier \"xor\" is not allowed on regular expressions",
            "/abc/ base64 | modifier \"base64\" is not allowed on regular expressions",
    })
    void modifiersYaraRefusesAreRejected(String definition, String what) {
        assertThatThrownBy(() -> onlyString(definition)).isInstanceOf(YaraSyntaxException.class).hasMessageContaining(what);
    }

    @Test
    void regexKeepsItsSourceAndFlags() {
        StringDef.RegexString r = (StringDef.RegexString) onlyString("/ab\\/c[0-9]{2}/is fullword");
        assertThat(r.regex()).isEqualTo(new Regex("ab\\/c[0-9]{2}", true, true));
        assertThat(r.modifiers().fullword()).isTrue();
        assertThat(((StringDef.RegexString) onlyString("/x/")).regex()).isEqualTo(new Regex("x", false, false));
    }

    @Test
    void regexFlagsComeAsIThenSOnce() {
        assertThatThrownBy(() -> onlyString("/abc/si")).isInstanceOf(YaraSyntaxException.class)
                .hasMessageContaining("found identifier \"i\"");
        assertThatThrownBy(() -> onlyString("/abc/ii")).isInstanceOf(YaraSyntaxException.class);
    }

    @Test
    void aZeroJumpIsRefusedOnlyInItsShortForm() {
        assertThat(((StringDef.Hex) onlyString("{ 41 [0-0] 42 }")).tokens()).contains(new HexToken.Jump(0, 0));
        assertThatThrownBy(() -> onlyString("{ 41 [0] 42 }")).hasMessageContaining("invalid jump length");
    }

    @Test
    void anUnterminatedRegexIsRejected() {
        assertThatThrownBy(() -> onlyString("/abc\n/")).hasMessageContaining("unterminated regular expression");
    }

    @Test
    void anonymousStringsMayRepeat() {
        Rule r = onlyRule("rule a { strings: $ = \"x\" $ = \"y\" condition: all of them }");
        assertThat(r.strings()).extracting(StringDef::id).containsExactly("$", "$");
        assertThat(r.strings()).allMatch(StringDef::isAnonymous);
    }

    @Test
    void hexStringsReadBytesWildcardsNegationsJumpsAndAlternatives() {
        StringDef.Hex h = (StringDef.Hex) onlyString("{ 4D 5a ?? 4? ?1 ~41 ~?2 [4] [2-6] [3-] [-] "
                + "( 90 | 91 ( 92 | 93 ) ) // comment\n /* block */ E8 }");
        assertThat(h.tokens()).containsExactly(
                new HexToken.Byte(0x4D, 0xFF, false), new HexToken.Byte(0x5A, 0xFF, false),
                new HexToken.Byte(0, 0, false), new HexToken.Byte(0x40, 0xF0, false), new HexToken.Byte(0x01, 0x0F, false),
                new HexToken.Byte(0x41, 0xFF, true), new HexToken.Byte(0x02, 0x0F, true),
                new HexToken.Jump(4, 4), new HexToken.Jump(2, 6), new HexToken.Jump(3, -1), new HexToken.Jump(0, -1),
                new HexToken.Alternation(List.of(List.of(new HexToken.Byte(0x90, 0xFF, false)),
                        List.of(new HexToken.Byte(0x91, 0xFF, false), new HexToken.Alternation(List.of(
                                List.of(new HexToken.Byte(0x92, 0xFF, false)), List.of(new HexToken.Byte(0x93, 0xFF, false))))))),
                new HexToken.Byte(0xE8, 0xFF, false));
    }

    @Test
    void hexDigitsNeedNoSpaceBetweenBytes() {
        StringDef.Hex h = (StringDef.Hex) onlyString("{4D5A9000}");
        assertThat(h.tokens()).hasSize(4);
    }

    @Test
    void boundedJumpsMayStandInsideAlternatives() {
        StringDef.Hex h = (StringDef.Hex) onlyString("{ 41 ( 42 [2-4] 43 | 44 ) 45 }");
        assertThat(h.tokens()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = ";;", value = {
            "{ } ;; empty hex string",
            "{ 4 } ;; uneven number of digits in hex string",
            "{ 414 } ;; uneven number of digits in hex string",
            "{ 4G } ;; uneven number of digits",
            "{ [2] 41 } ;; cannot start with a jump",
            "{ 41 [2] } ;; cannot end with a jump",
            "{ 41 [0] 42 } ;; invalid jump length",
            "{ 41 [5-2] 42 } ;; invalid jump range",
            "{ 41 ( 42 [-] 43 | 44 ) 45 } ;; unbounded jumps not allowed inside alternation (|)",
            "{ 41 ( 42 | ) 43 } ;; empty alternative",
            "{ 41 ( 42 | 43 [1] ) 48 } ;; cannot end with a jump",
            "{ 41 ( 42 | 43 44 } ;; unclosed \"(\"",
            "{ 41 ~?? } ;; ~?? is not allowed",
            "{ 41 [2 42 } ;; expected \"]\"",
    })
    void badHexStringsAreRejected(String definition, String what) {
        assertThatThrownBy(() -> onlyString(definition))
                .isInstanceOf(YaraSyntaxException.class)
                .hasMessageContaining("invalid hex string \"$a\"")
                .hasMessageContaining(what);
    }

    @Test
    void aHexErrorOnALaterLineNamesThatLineAndColumn() {
        assertThatThrownBy(() -> parse("rule a {\n strings:\n  $h = { 41 42\n   43 4X }\n condition: $h }"))
                .hasMessageStartingWith("t.yar:4:7: invalid hex string \"$h\"");
    }

    @Test
    void commentsAreIgnoredAndAnUnclosedOneRunsToTheEndAsInYarac() {
        assertThat(onlyRule("// a\n/* b\n c */ rule a /* d */ { condition: true // e\n }").name()).isEqualTo("a");
        assertThat(parse("rule a { condition: true } /* open\nrule b { condition: true }").declarations()).hasSize(1);
        assertThatThrownBy(() -> parse("rule a { strings: $a = { 41 /* 42 } condition: $a }"))
                .hasMessageContaining("unterminated");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rule { condition: true } | 1:6 | (the rule name)",
            "rule a { strings: $a = \"x\" } | 1:28 | \"condition:\"",
            "rule a { condition: true | 1:25 | to close rule \"a\"",
            "rule a condition: true } | 1:8 | to open the rule body",
            "rule a { condition true } | 1:20 | after \"condition\"",
            "rule a { condition: true } } | 1:28 | \"rule\", \"import\" or \"include\"",
            "rule and { condition: true } | 1:6 | (the rule name)",
            "rule a { condition: true } ` | 1:28 | unexpected character '`'",
    })
    void brokenRulesAreReportedWhereTheyBreak(String text, String where, String what) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(YaraSyntaxException.class)
                .hasMessageStartingWith("t.yar:" + where + ": ")
                .hasMessageContaining(what);
    }

    @Test
    void anOverlongIdentifierIsRejected() {
        assertThatThrownBy(() -> parse("rule " + "a".repeat(129) + " { condition: true }"))
                .hasMessageContaining("identifier too long");
    }
}
