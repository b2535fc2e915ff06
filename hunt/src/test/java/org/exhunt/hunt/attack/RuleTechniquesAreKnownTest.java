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
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ATT&CK tag in our own rules (Sigma, YARA, IOC lists) names a technique or tactic that
 * ATT&CK has, not revoked or deprecated: a typo in a tag would otherwise reach the report as an
 * unnamed technique and never match a group.
 */
class RuleTechniquesAreKnownTest {

    private static final Pattern ATTACK_TAG = Pattern.compile("(?i)(?<![/.\\w-])attack\\.([a-z0-9.-]+[a-z0-9])");

    private final AttackCatalog catalog = AttackCatalog.builtIn();

    @Test
    void everyAttackTagInTheRulePackIsAKnownTechniqueOrTactic() throws IOException {
        List<Path> files = ruleFiles();
        assertThat(files).as("rule files under " + RepositoryFiles.rulesFolder()).hasSizeGreaterThan(10);
        TagCheck check = check(files);
        assertThat(check.techniqueTags()).as("technique tags found in the rule pack").isGreaterThan(50);
        assertThat(check.unknown()).as("ATT&CK tags unknown to ATT&CK Enterprise v" + AttackDataGenerator.ATTACK_VERSION)
                .isEmpty();
    }

    @Test
    void aMistypedTagIsReportedWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Path rule = dir.resolve("typo.yml");
        Files.writeString(rule, String.join("\n", "title: x", "tags:", "    - attack.persistance",
                "    - attack.t1505.03", "    - attack.t1505.003", "references:", "    - https://attack.mitre.org/x", ""));
        assertThat(check(List.of(rule)).unknown())
                .containsExactly(rule + ":3: attack.persistance", rule + ":4: attack.t1505.03");
    }

    private record TagCheck(int techniqueTags, List<String> unknown) { }

    private TagCheck check(List<Path> files) throws IOException {
        List<String> unknown = new ArrayList<>();
        int techniqueTags = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = ATTACK_TAG.matcher(lines.get(i));
                while (m.find()) {
                    String name = m.group(1);
                    boolean known;
                    if (name.toLowerCase(Locale.ROOT).matches("t\\d.*")) {
                        techniqueTags++;
                        known = catalog.isKnownTechnique(name);
                    } else {
                        known = AttackCatalog.tacticOrder(name.toLowerCase(Locale.ROOT)) < Tactics.MATRIX_ORDER.size();
                    }
                    if (!known) unknown.add(file + ":" + (i + 1) + ": attack." + name);
                }
            }
        }
        return new TagCheck(techniqueTags, unknown);
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
