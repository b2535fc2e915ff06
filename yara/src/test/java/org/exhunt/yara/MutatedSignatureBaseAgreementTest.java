package org.exhunt.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real rule files all compile, so they say little about rejection. Small damage done to them
 * (a line or a character removed, a rule repeated, a string reference renamed) gives files that
 * yarac mostly rejects; our verdict must agree with its verdict on those too.
 */
class MutatedSignatureBaseAgreementTest {

    /** Longer runs by hand: -Dexhunt.yara.mutants=2000 -Dexhunt.yara.seed=99. */
    private static final int MUTANTS = Integer.getInteger("exhunt.yara.mutants", 240);
    private static final long SEED = Long.getLong("exhunt.yara.seed", 20260329L);

    @Test
    void acceptsAndRejectsDamagedRuleFilesAsYaracDoes(@TempDir Path tmp) throws Exception {
        Yarac.requireInstalled();
        List<Path> files = SignatureBaseAgreementTest.ruleFiles(Corpus.path("yara/yara"));
        Random random = new Random(SEED);
        List<String> disagreements = new ArrayList<>();
        int agreed = 0;
        int rejectedByYarac = 0;
        for (int i = 0; i < MUTANTS; i++) {
            Path source = files.get(random.nextInt(files.size()));
            String text = new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1);
            String kind = Mutation.KINDS.get(i % Mutation.KINDS.size());
            String mutated = Mutation.apply(kind, text, random);
            Path mutant = tmp.resolve(i + "-" + kind + "-" + source.getFileName());
            Files.write(mutant, mutated.getBytes(StandardCharsets.ISO_8859_1));

            YaraCompiler compiler = new YaraCompiler();
            boolean ours = compiler.addFile(mutant);
            boolean theirs = Yarac.accepts(mutant);
            if (!theirs) {
                rejectedByYarac++;
            }
            if (ours == theirs) {
                agreed++;
            } else {
                disagreements.add(mutant.getFileName() + ": yarac " + (theirs ? "accepts" : "rejects") + ", we "
                        + (ours ? "accept" : "reject") + " " + compiler.rules().problems());
            }
        }
        double agreement = 100.0 * agreed / MUTANTS;
        System.out.printf("damaged signature-base files: %d, %d rejected by yarac, agreement %.2f%%%n",
                MUTANTS, rejectedByYarac, agreement);
        disagreements.forEach(d -> System.out.println("  disagreement: " + d));
        assertThat(rejectedByYarac).as("the mutations must produce rejected files").isGreaterThan(MUTANTS / 3);
        assertThat(agreement).as("agreement with yarac; disagreements: %s", disagreements).isGreaterThanOrEqualTo(95.0);
    }
}
