package org.exhunt.hunt.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.exhunt.hunt.read.CorpusFiles;
import org.junit.jupiter.api.Test;

/**
 * The ATT&CK files the product carries are exactly what the generator makes of the bundle in the
 * corpus: nobody edited them by hand, and a new bundle shows up here as a difference.
 */
class CarriedAttackDataMatchesTheBundleTest {

    private static final String REGENERATE = "exhunt.attack.regenerate";

    @Test
    void everyCarriedFileIsWhatTheGeneratorMakesOfTheBundle() throws IOException {
        Path bundle = CorpusFiles.require(AttackDataGenerator.CORPUS_BUNDLE).toAbsolutePath().normalize();
        Path folder = RepositoryFiles.attackFolder();
        if (Boolean.getBoolean(REGENERATE)) AttackDataGenerator.write(bundle, folder);

        Map<String, String> expected = AttackDataGenerator.generate(bundle);
        assertThat(expected).containsOnlyKeys("tactics.tab", "techniques.tab", "groups.tab");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path carried = folder.resolve(e.getKey());
            if (!Files.isRegularFile(carried)) fail(carried + " is missing; " + howToRegenerate(bundle));
            String actual = Files.readString(carried, StandardCharsets.UTF_8);
            if (!actual.equals(e.getValue())) {
                fail(carried + " differs from what " + bundle + " gives, first at " + firstDifference(actual, e.getValue())
                        + "; " + howToRegenerate(bundle));
            }
        }
    }

    @Test
    void theCarriedFilesReadAsACatalogWithEveryTacticAndTheBundlesCounts() throws IOException {
        Map<String, String> generated = AttackDataGenerator.generate(CorpusFiles.require(AttackDataGenerator.CORPUS_BUNDLE));
        AttackCatalog catalog = AttackCatalog.read(
                generated.get("tactics.tab"), generated.get("techniques.tab"), generated.get("groups.tab"));
        // ATT&CK Enterprise v18.1: 691 current techniques and sub-techniques, 172 groups, 14 tactics
        assertThat(generated.get("techniques.tab").lines().filter(l -> l.startsWith("T")).count()).isEqualTo(691);
        assertThat(catalog.groups()).hasSize(172);
        for (String tactic : Tactics.MATRIX_ORDER) {
            assertThat(catalog.tacticName(tactic)).as(tactic).isNotEqualTo(tactic);
        }
    }

    private static String howToRegenerate(Path bundle) {
        return "regenerate with: mvn -B -q -pl hunt -am test -Dtest=CarriedAttackDataMatchesTheBundleTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -D" + REGENERATE + "=true -Dexhunt.corpus="
                + bundle.getParent().getParent() + " (or run AttackDataGenerator.main <bundle> <rules/attack>),"
                + " then review the diff and commit it";
    }

    private static String firstDifference(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] b = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) return "line " + (i + 1) + ": carried '" + x + "', expected '" + y + "'";
        }
        return "the line endings";
    }
}
