package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {

    private static final String FULL = """
            title: Suspicious OWA Request
            id: 11111111-2222-3333-4444-555555555555
            name: owa_request
            status: experimental
            description: Something odd
            author: Someone
            date: 2021-03-02
            modified: 2021/03/05
            tags:
                - attack.initial-access
                - attack.t1190
            references:
                - https://example.org/a
            falsepositives:
                - Unknown
            fields:
                - c-ip
            level: High
            license: DRL-1.1
            related:
                - id: 99999999-2222-3333-4444-555555555555
                  type: derived
            logsource:
                category: webserver
            detection:
                selection:
                    cs-uri-query|contains: '/owa/auth/'
                condition: selection
            """;

    @Test
    void metadata_is_kept_exactly_as_written() {
        RuleSet set = Rules.load(FULL);
        assertThat(set.problems()).isEmpty();
        SigmaRule r = set.rules().get(0);
        assertThat(r.id()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(r.name()).isEqualTo("owa_request");
        assertThat(r.title()).isEqualTo("Suspicious OWA Request");
        assertThat(r.status()).isEqualTo("experimental");
        assertThat(r.level()).isEqualTo("High");
        assertThat(r.date()).isEqualTo("2021-03-02");
        assertThat(r.modified()).isEqualTo("2021/03/05");
        assertThat(r.tags()).containsExactly("attack.initial-access", "attack.t1190");
        assertThat(r.references()).containsExactly("https://example.org/a");
        assertThat(r.falsePositives()).containsExactly("Unknown");
        assertThat(r.fields()).containsExactly("c-ip");
        assertThat(r.logsource()).isEqualTo(new Logsource(null, "webserver", null));
        assertThat(r.source()).isEqualTo("test.yml");
        assertThat(r.line()).isEqualTo(1);
    }

    @Test
    void unknown_top_level_attributes_are_kept_as_plain_yaml() {
        SigmaRule r = Rules.load(FULL).rules().get(0);
        assertThat(r.custom()).containsEntry("license", "DRL-1.1");
        assertThat(r.custom().get("related")).isEqualTo(
                List.of(Map.of("id", "99999999-2222-3333-4444-555555555555", "type", "derived")));
        assertThat(r.custom()).doesNotContainKeys("title", "detection", "logsource");
    }

    @Test
    void a_rule_without_level_has_a_null_level() {
        RuleSet set = Rules.load(Rules.rule("    s:\n        A: x\n    condition: s\n"));
        assertThat(set.rules().get(0).level()).isNull();
    }

    @Test
    void a_bad_rule_is_reported_with_the_line_of_the_offending_node_and_the_others_still_load() {
        String text = Rules.rule("    s:\n        A: x\n    condition: s\n") + """
                ---
                title: broken
                logsource:
                    product: test
                detection:
                    selection:
                        A: x
                    condition: selection and missing
                ---
                title: fine again
                logsource:
                    product: test
                detection:
                    s:
                        A: x
                    condition: s
                """;
        RuleSet set = Rules.load(text);
        assertThat(set.rules()).extracting(SigmaRule::title).containsExactly("test rule", "fine again");
        assertThat(set.problems()).hasSize(1);
        RuleProblem p = set.problems().get(0);
        assertThat(p.source()).isEqualTo("test.yml");
        assertThat(p.line()).isEqualTo(16);
        assertThat(p.reason()).contains("'missing'").contains("does not define");
        assertThat(p.toString()).startsWith("test.yml:16: ");
    }

    @Test
    void a_condition_syntax_error_names_the_condition_and_column() {
        RuleSet set = Rules.load(Rules.rule("    s:\n        A: x\n    condition: s and (\n"));
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.reason()).contains("condition 's and ('").contains("column");
        });
    }

    @Test
    void missing_parts_are_named() {
        assertThat(Rules.load("title: t\ndetection:\n  s:\n    A: x\n  condition: s\n").problems())
                .singleElement().extracting(RuleProblem::reason).asString().contains("'logsource'");
        assertThat(Rules.load("title: t\nlogsource:\n  product: x\n").problems())
                .singleElement().extracting(RuleProblem::reason).asString().contains("'detection'");
        assertThat(Rules.load("logsource:\n  product: x\ndetection:\n  s: a\n  condition: s\n").problems())
                .singleElement().extracting(RuleProblem::reason).asString().contains("'title'");
        assertThat(Rules.load("title: t\nlogsource:\n  product: x\ndetection:\n  s:\n    A: x\n").problems())
                .singleElement().extracting(RuleProblem::reason).asString().contains("'condition'");
    }

    @Test
    void invalid_yaml_is_a_problem_not_an_exception() {
        RuleSet set = Rules.load("title: [unclosed\nlogsource: {");
        assertThat(set.rules()).isEmpty();
        assertThat(set.problems()).singleElement().extracting(RuleProblem::reason).asString().startsWith("not valid YAML");
    }

    @Test
    void a_document_that_is_not_a_mapping_is_a_problem() {
        assertThat(Rules.load("- just\n- a list\n").problems()).singleElement()
                .extracting(RuleProblem::reason).asString().contains("mapping");
    }

    @Test
    void v1_collections_merge_the_global_document_into_each_rule() {
        String text = """
                action: global
                title: Shared title
                logsource:
                    product: windows
                detection:
                    condition: selection
                ---
                logsource:
                    service: security
                detection:
                    selection:
                        EventID: 4624
                ---
                logsource:
                    service: system
                detection:
                    selection:
                        EventID: 7045
                """;
        RuleSet set = Rules.load(text);
        assertThat(set.problems()).isEmpty();
        assertThat(set.rules()).extracting(SigmaRule::logsource).containsExactly(
                new Logsource("windows", null, "security"), new Logsource("windows", null, "system"));
        assertThat(set.rules()).extracting(SigmaRule::title).containsOnly("Shared title");
    }

    @Test
    void v1_collections_repeat_the_previous_rule_and_reset_forgets_the_global_part() {
        String text = """
                action: global
                title: Shared title
                detection:
                    condition: selection
                ---
                logsource:
                    product: windows
                detection:
                    selection:
                        EventID: 1
                ---
                action: repeat
                logsource:
                    product: linux
                ---
                action: reset
                ---
                title: Alone
                logsource:
                    product: mac
                detection:
                    selection:
                        EventID: 2
                """;
        RuleSet set = Rules.load(text);
        assertThat(set.rules()).extracting(SigmaRule::logsource).containsExactly(
                new Logsource("windows", null, null), new Logsource("linux", null, null));
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).as("the detection body that lacks a condition").isEqualTo(22);
            assertThat(p.reason()).contains("'condition'");
        });
    }

    @Test
    void a_correlation_document_goes_to_the_correlation_parser() {
        String text = Rules.rule("    s:\n        A: x\n    condition: s\n") + """
                ---
                title: Many hits
                correlation:
                    type: event_count
                    rules:
                        - r1
                    group-by:
                        - A
                    timespan: 5m
                    condition:
                        gte: 3
                """;
        RuleSet set = Rules.load(text);
        assertThat(set.problems()).isEmpty();
        assertThat(set.correlations()).singleElement().extracting(CorrelationRule::title).isEqualTo("Many hits");
    }

    @Test
    void a_bad_correlation_is_a_problem_at_its_document() {
        String text = Rules.rule("    s:\n        A: x\n    condition: s\n") + "---\ntitle: bad\ncorrelation: 5\n";
        RuleSet set = Rules.load(text);
        assertThat(set.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(10));
    }

    @Test
    void a_filter_document_is_counted_as_a_filter() {
        String text = """
                title: Filter admins
                logsource:
                    product: test
                filter:
                    rules:
                        - r1
                    selection:
                        User|startswith: adm_
                    condition: selection
                """;
        RuleSet set = Rules.load(text);
        assertThat(set.problems()).isEmpty();
        assertThat(set.filterCount()).isEqualTo(1);
        assertThat(set.rules()).isEmpty();
    }

    @Test
    void folders_are_read_recursively_in_sorted_order_and_only_yaml_files(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("b/sub"));
        Files.writeString(dir.resolve("b/sub/z.yml"), Rules.rule("    s:\n        A: x\n    condition: s\n").replace("test rule", "third"));
        Files.writeString(dir.resolve("a.yaml"), Rules.rule("    s:\n        A: x\n    condition: s\n").replace("test rule", "first"));
        Files.writeString(dir.resolve("b/m.yml"), Rules.rule("    s:\n        A: x\n    condition: s\n").replace("test rule", "second"));
        Files.writeString(dir.resolve("notes.txt"), "not a rule");
        RuleSet set = new RuleLoader().addPath(dir).load();
        assertThat(set.files()).isEqualTo(3);
        assertThat(set.rules()).extracting(SigmaRule::title).containsExactly("first", "second", "third");
        assertThat(set.rules().get(0).source()).endsWith("a.yaml");
    }

    @Test
    void a_missing_path_and_a_non_utf8_file_are_problems(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("bad.yml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        RuleSet set = new RuleLoader().addPath(dir.resolve("nope")).addPath(dir.resolve("bad.yml")).load();
        assertThat(set.problems()).extracting(RuleProblem::reason)
                .anySatisfy(r -> assertThat(r).contains("no such file"))
                .anySatisfy(r -> assertThat(r).contains("UTF-8"));
    }

    @Test
    void selection_items_keep_their_own_lines_for_compile_problems() {
        RuleSet set = Rules.load(Rules.rule("    s:\n        A|bogus: x\n    condition: s\n"));
        SigmaEngine engine = SigmaEngine.compile(set, Pipeline.none(), true, StandInPredicates.COMPILER);
        assertThat(engine.compiledRules()).isZero();
        assertThat(engine.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.reason()).contains("A|bogus").contains("unknown modifier");
        });
    }
}
