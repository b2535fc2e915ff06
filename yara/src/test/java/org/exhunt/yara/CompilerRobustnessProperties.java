package org.exhunt.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever rule text it is given, the compiler answers accepted or rejected, never with an
 * exception; a rejected file always comes with at least one placed problem and adds no rule.
 */
class CompilerRobustnessProperties {

    private static final List<String> CONDITION_WORDS = List.of("$a", "$b", "$", "#a", "@a[1]", "!a", "them", "any",
            "all", "none", "of", "for", "i", "in", "(", ")", "..", ",", ":", "and", "or", "not", "defined", "==", "<",
            "+", "-", "*", "\\", "%", "&", "|", "<<", "~", "1", "0", "2.5", "\"x\"", "/re/i", "matches", "contains",
            "filesize", "filename", "uint16(0)", "pe", ".", "sections", "[0]", "name", "math", "entropy", "hash",
            "md5", "prior", "prior*", "true", "false", "at", "$a*", "50%", "k", "v", "version_info");

    @Property(tries = 1500)
    void anyConditionTextEndsAcceptedOrRejectedWithProblems(@ForAll("conditions") String condition) {
        String text = "import \"pe\" import \"math\" rule prior { condition: true }\n"
                + "rule r { strings: $a = \"abc\" $b = { 41 42 } condition: any of them and (" + condition + ") }";
        YaraCompiler compiler = new YaraCompiler();
        boolean accepted = compiler.addText("p.yar", text);
        YaraRules rules = compiler.rules();
        Statistics.collect(accepted ? "accepted" : "rejected");
        Statistics.coverage(c -> c.check("accepted").count(n -> n > 0));
        if (accepted) {
            assertThat(rules.problems()).isEmpty();
            assertThat(rules.rules()).extracting(r -> r.name()).containsExactly("prior", "r");
        } else {
            assertThat(rules.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo("p.yar");
                assertThat(p.line()).isBetween(1, 2);
                assertThat(p.message()).isNotBlank();
            });
            assertThat(rules.rules()).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> conditions() {
        Arbitrary<String> word = Arbitraries.of(CONDITION_WORDS);
        Arbitrary<String> shortOnes = word.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" ", l));
        Arbitrary<String> longOnes = word.list().ofMinSize(4).ofMaxSize(25).map(l -> String.join(" ", l));
        return Arbitraries.oneOf(shortOnes, longOnes);
    }
}
