package org.exhunt.yara.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the input, the lexer and parser either return a tree or throw
 * {@link YaraSyntaxException} with a position inside the text; nothing else escapes.
 */
class ParserRobustnessProperties {

    private static final List<String> VOCABULARY = List.of("rule", "r1", "private", "global", ":", "tag", "{", "}",
            "meta", "strings", "condition", "=", "\"text\"", "\"a\\x4", "\"\\q\"", "{ 4D 5A ?? [2-4] ( 90 | 91 ) }",
            "{ 4", "{ [-] }", "/re+/i", "/unterminated", "$a", "$b*", "$", "#a", "@a", "!a", "[", "]", "(", ")",
            "..", ".", ",", "and", "or", "not", "defined", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "\\", "%",
            "&", "|", "^", "~", "<<", ">>", "of", "them", "any", "all", "none", "for", "in", "at", "i", "filesize",
            "entrypoint", "uint16", "int32be", "0x1F", "0o17", "10KB", "2MB", "1.5", "99999999999999999999", "true",
            "false", "contains", "matches", "pe", "sections", "import", "include", "\"pe\"", "xor", "xor(1-2)",
            "base64", "base64(\"ab\")", "nocase", "wide", "/*", "*/", "//", "\n", "\u00e9", "`");

    @Property(tries = 3000)
    void anyTextEitherParsesOrFailsWithAPlacedSyntaxError(@ForAll("sources") String source) {
        try {
            assertThat(RuleParser.parse("p.yar", source)).isNotNull();
        } catch (YaraSyntaxException e) {
            Position p = e.position();
            assertThat(p.file()).isEqualTo("p.yar");
            assertThat(p.line()).isBetween(1, (int) source.chars().filter(c -> c == '\n').count() + 1);
            assertThat(p.column()).isPositive();
            assertThat(e.problem()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> sources() {
        Arbitrary<String> tokenSoup = Arbitraries.of(VOCABULARY).list().ofMaxSize(40).map(l -> String.join(" ", l));
        Arbitrary<String> skeletons = tokenSoup.map(s -> "rule r { strings: $a = \"x\" condition: " + s + " }");
        Arbitrary<String> yaraChars = Arbitraries.strings().withChars("rule{}()[]$#@!:=\"\\/*-+.,0123456789abcdefx ?~|%<>\n\t")
                .ofMaxLength(200);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(100);
        return Arbitraries.oneOf(tokenSoup, skeletons, yaraChars, anything);
    }
}
