package org.exhunt.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-line rule files probing the language's corners (literals, loops, sets, modifiers, jumps,
 * regex flags, modules, names), listed in {@code edge-cases.yar.txt}: each is accepted by us
 * exactly when yarac accepts it.
 */
class EdgeCaseAgreementTest {

    @TempDir
    Path dir;

    @Test
    void everyEdgeCaseIsAcceptedOrRejectedAsYaracDoes() throws Exception {
        Yarac.requireInstalled();
        List<String> cases;
        try (InputStream in = getClass().getResourceAsStream("edge-cases.yar.txt")) {
            assertThat(in).as("edge-cases.yar.txt on the test class path").isNotNull();
            cases = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().filter(l -> !l.isBlank()).toList();
        }
        List<String> disagreements = new ArrayList<>();
        int rejectedByYarac = 0;
        for (int i = 0; i < cases.size(); i++) {
            Path file = dir.resolve("edge" + i + ".yar");
            Files.write(file, (cases.get(i) + "\n").getBytes(StandardCharsets.ISO_8859_1));
            YaraCompiler compiler = new YaraCompiler();
            boolean ours = compiler.addFile(file);
            boolean theirs = Yarac.accepts(file);
            if (!theirs) {
                rejectedByYarac++;
            }
            if (ours != theirs) {
                disagreements.add(cases.get(i) + " -- yarac " + (theirs ? "accepts" : "rejects") + ", we "
                        + (ours ? "accept" : "reject: " + compiler.rules().problems()));
            }
        }
        System.out.printf("edge cases: %d, %d rejected by yarac, %d disagreements%n", cases.size(), rejectedByYarac,
                disagreements.size());
        assertThat(cases).hasSizeGreaterThan(100);
        assertThat(rejectedByYarac).isGreaterThan(20);
        assertThat(disagreements).isEmpty();
    }
}
