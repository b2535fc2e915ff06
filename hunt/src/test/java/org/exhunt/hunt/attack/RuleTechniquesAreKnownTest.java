package org.exhunt.hunt.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every ATT&CK tag in our own rules (Sigma, YARA, IOC lists) names a technique or tactic that
 * ATT&CK has, not revoked or deprecated: a typo in a tag would otherwise reach the report as an
 * unnamed technique and never match a group.
 */
class RuleTechniquesAreKnownTest {

    private static final Pattern ATTACK_TAG = Pattern.compile("(?i)(?<![/.\\w-])attack\\.([a-z0-9.-]+[a-z0-9])");
    private static final Pattern TECHNIQUE = Pattern.compile("(?i)t\\d{4}(\\.\\d{3})?");

    private final AttackCatalog catalog = AttackCatalog.builtIn();

    @Test
    void everyAttackTagInTheRulePackIsAKnownTechniqueOrTactic() throws IOException {
        List<Path> files = ruleFiles();
        assertThat(files).as("rule files under " + RepositoryFiles.rulesFolder()).hasSizeGreaterThan(10);
        List<String> unknown = new ArrayList<>();
        int techniqueTags = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = ATTACK_TAG.matcher(lines.get(i));
                while (m.find()) {
                    String name = m.group(1);
                    boolean known;
                    if (TECHNIQUE.matcher(name).matches()) {
                        techniqueTags++;
                        known = catalog.isKnownTechnique(name);
                    } else {
                        known = AttackCatalog.tacticOrder(name.toLowerCase(Locale.ROOT)) < Tactics.MATRIX_ORDER.size();
                    }
                    if (!known) unknown.add(file + ":" + (i + 1) + ": attack." + name);
                }
            }
        }
        assertThat(techniqueTags).as("technique tags found in the rule pack").isGreaterThan(50);
        assertThat(unknown).as("ATT&CK tags unknown to ATT&CK Enterprise v" + AttackDataGenerator.ATTACK_VERSION).isEmpty();
    }

    private static List<Path> ruleFiles() throws IOException {
        Path rules = RepositoryFiles.rulesFolder();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(rules.resolve("sigma"))) {
            walk.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(out::add);
        }
        try (Stream<Path> list = Files.list(rules.resolve("yara"))) {
            list.filter(p -> p.toString().endsWith(".yar")).sorted().forEach(out::add);
        }
        try (Stream<Path> list = Files.list(rules.resolve("ioc"))) {
            list.filter(p -> p.toString().endsWith(".tsv")).sorted().forEach(out::add);
        }
        return out;
    }
}
