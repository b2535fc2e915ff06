package org.exhunt.hunt.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraRules;
import org.exhunt.yara.syntax.Meta;
import org.exhunt.yara.syntax.Rule;
import org.junit.jupiter.api.Test;

/**
 * The web-shell YARA rules shipped in {@code rules/yara/}: every file compiles with our compiler,
 * the index names every file, and every rule carries the meta the findings are built from.
 */
class BuiltinWebshellRulesTest {

    private static final List<String> LEVELS = List.of("high", "critical");

    @Test
    void everyRuleFileInIndexOrderIsAcceptedByTheCompiler() {
        YaraRules rules = compileAll();

        assertThat(rules.problems()).as("problems of the rule files").isEmpty();
        assertThat(rules.rejectedFiles()).isEmpty();
        assertThat(rules.acceptedFiles()).hasSize(indexedFiles().size());
        assertThat(rules.rules()).as("rules loaded").hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void theIndexListsEveryRuleFileOfTheFolderExactlyOnce() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(RuleFolder.yara())) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yar")).sorted().toList();
        }

        assertThat(indexedFiles()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @Test
    void everyRuleHasTitleDescriptionLevelTagsIdAuthorAndDate() {
        List<String> wrong = new ArrayList<>();
        for (Rule rule : compileAll().rules()) {
            Map<String, Object> meta = metaOf(rule);
            String where = rule.name() + ": ";
            if (blank(meta.get("title"))) wrong.add(where + "no title");
            if (blank(meta.get("description"))) wrong.add(where + "no description");
            if (!LEVELS.contains(meta.get("level"))) wrong.add(where + "level " + meta.get("level") + " is not high or critical");
            String tags = meta.get("tags") instanceof String s ? s : "";
            List<String> tagList = List.of(tags.split(" "));
            if (!tagList.contains("attack.t1505.003")) wrong.add(where + "tags lack attack.t1505.003: " + tags);
            if (!tagList.contains("attack.persistence")) wrong.add(where + "tags lack attack.persistence: " + tags);
            // A web shell on disk means the server was compromised: the verdict reads this tag.
            if (!tagList.contains("exhunt.outcome.post-exploitation")) {
                wrong.add(where + "tags lack exhunt.outcome.post-exploitation: " + tags);
            }
            if (!isUuid(meta.get("id"))) wrong.add(where + "id is not a UUID: " + meta.get("id"));
            if (!"exhunt".equals(meta.get("author"))) wrong.add(where + "author is not exhunt: " + meta.get("author"));
            if (!(meta.get("date") instanceof String d && d.matches("\\d{4}-\\d{2}-\\d{2}"))) {
                wrong.add(where + "date is not YYYY-MM-DD: " + meta.get("date"));
            }
        }

        assertThat(wrong).as("rules with missing or malformed meta").isEmpty();
    }

    @Test
    void ruleNamesAndIdsAreUniqueAcrossFiles() {
        Map<String, String> nameById = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Rule rule : compileAll().rules()) {
            names.add(rule.name());
            String previous = nameById.put(String.valueOf(metaOf(rule).get("id")), rule.name());
            if (previous != null) duplicates.add(rule.name() + " reuses the id of " + previous);
        }

        assertThat(duplicates).isEmpty();
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.startsWith("exhunt_"), "named exhunt_*");
    }

    @Test
    void aBrokenRuleFileIsReportedWithItsNameInsteadOfBeingSkipped() {
        YaraCompiler compiler = new YaraCompiler();
        compiler.addFile(RuleFolder.yara().resolve(indexedFiles().get(0)));

        boolean accepted = compiler.addText("broken.yar", "rule exhunt_broken { strings: $a = \"x\" condition: $b }");

        assertThat(accepted).isFalse();
        assertThat(compiler.rules().problems()).isNotEmpty().allMatch(p -> p.file().equals("broken.yar"));
    }

    /** Compiles the folder as the product loads it: one compiler, files in index order. */
    static YaraRules compileAll() {
        YaraCompiler compiler = new YaraCompiler();
        for (String name : indexedFiles()) {
            compiler.addFile(RuleFolder.yara().resolve(name));
        }
        return compiler.rules();
    }

    /** The file names of {@code files.index}, blank lines and {@code #} comments left out. */
    static List<String> indexedFiles() {
        Path index = RuleFolder.yara().resolve("files.index");
        try {
            return Files.readAllLines(index, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + index + ": " + e, e);
        }
    }

    private static Map<String, Object> metaOf(Rule rule) {
        Map<String, Object> meta = new HashMap<>();
        for (Meta m : rule.meta()) meta.putIfAbsent(m.key(), m.value());
        return meta;
    }

    private static boolean blank(Object value) {
        return !(value instanceof String s) || s.isBlank();
    }

    private static boolean isUuid(Object value) {
        if (!(value instanceof String s)) return false;
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
