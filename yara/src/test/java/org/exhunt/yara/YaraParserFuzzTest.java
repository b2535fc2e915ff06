package org.exhunt.yara;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.exhunt.yara.syntax.Declaration;
import org.exhunt.yara.syntax.Rule;
import org.exhunt.yara.syntax.RuleFile;
import org.exhunt.yara.syntax.RuleParser;
import org.exhunt.yara.syntax.YaraSyntaxException;

/**
 * Fuzz target: any bytes read as a rule file end in a tree or a placed syntax error, and in an
 * accepted or rejected file with its problems; nothing else is thrown. Runs its seeds as a
 * regression test; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class YaraParserFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parsing_and_checking_any_bytes_never_throws(byte[] data) {
        String source = new String(data, StandardCharsets.ISO_8859_1);
        RuleFile parsed;
        try {
            parsed = RuleParser.parse("fuzz.yar", source);
        } catch (YaraSyntaxException e) {
            if (e.position() == null || e.position().line() < 1 || e.position().column() < 1 || e.problem().isBlank()) {
                throw new IllegalStateException("syntax error without a place or a message: " + e.getMessage(), e);
            }
            return;
        }
        for (Declaration d : parsed.declarations()) {
            if (d instanceof Rule r && (r.name() == null || r.condition() == null)) {
                throw new IllegalStateException("rule without name or condition");
            }
        }
        if (source.contains("include")) {
            return; // Includes would read files of the machine running the fuzzer.
        }
        YaraCompiler compiler = new YaraCompiler();
        boolean accepted = compiler.addText("fuzz.yar", source);
        YaraRules rules = compiler.rules();
        if (accepted != rules.problems().isEmpty()) {
            throw new IllegalStateException("accepted=" + accepted + " but problems " + rules.problems());
        }
    }
}
