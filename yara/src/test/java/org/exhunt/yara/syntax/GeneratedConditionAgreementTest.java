package org.exhunt.yara.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.Yarac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random conditions, well and badly typed, in a rule: our compiler accepts the rule exactly when
 * yarac does. Conditions use only what yarac 4.2.3 knows (no {@code of ... at}).
 */
class GeneratedConditionAgreementTest {

    /** Longer runs by hand: -Dexhunt.yara.conditions=2000 -Dexhunt.yara.seed=99. */
    private static final int RULES = Integer.getInteger("exhunt.yara.conditions", 300);
    private static final long SEED = Long.getLong("exhunt.yara.seed", 7L);

    private static final String PRELUDE = "import \"pe\"\nimport \"math\"\n"
            + "rule rule_a { condition: true }\nrule web_b { condition: true }\n";

    @TempDir
    Path dir;

    @Test
    void acceptsAGeneratedRuleExactlyWhenYaracDoes() throws Exception {
        Yarac.requireInstalled();
        Random random = new Random(SEED);
        ConditionTrees trees = new ConditionTrees(random);
        List<String> disagreements = new ArrayList<>();
        int rejectedByYarac = 0;
        int made = 0;
        while (made < RULES) {
            Expr condition = trees.bool(1 + random.nextInt(4));
            if (usesNewerSyntax(condition)) {
                continue;
            }
            String text = PRELUDE + "rule t {\n strings:\n  $a = \"abc\"\n  $b = \"def\"\n  $long_name_1 = \"ghi\"\n condition:\n  ("
                    + SourcePrinter.minimal(condition) + ") and any of them\n}\n";
            Path file = dir.resolve("c" + made++ + ".yar");
            Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
            YaraCompiler compiler = new YaraCompiler();
            boolean ours = compiler.addFile(file);
            boolean theirs = Yarac.accepts(file);
            if (!theirs) {
                rejectedByYarac++;
            }
            if (ours != theirs) {
                disagreements.add(SourcePrinter.minimal(condition) + " -- yarac " + (theirs ? "accepts" : "rejects")
                        + ", we " + (ours ? "accept" : "reject: " + compiler.rules().problems()));
            }
        }
        System.out.printf("generated conditions: %d rules, %d rejected by yarac, %d disagreements%n",
                RULES, rejectedByYarac, disagreements.size());
        disagreements.forEach(d -> System.out.println("  disagreement: " + d));
        assertThat(rejectedByYarac).isBetween(RULES / 10, RULES - RULES / 10);
        assertThat(disagreements).isEmpty();
    }

    /** {@code any of them at 0} came after yarac 4.2.3. */
    private static boolean usesNewerSyntax(Expr e) {
        return SourcePrinter.fullyParenthesized(e).matches("(?s).*of (them|\\([^)]*\\)) at .*");
    }
}
