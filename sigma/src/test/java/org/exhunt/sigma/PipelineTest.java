package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PipelineTest {

    private static final String RULE = """
            title: uri rule
            logsource:
                category: webserver
            detection:
                selection:
                    cs-uri-stem|contains: /owa/auth/
                condition: selection
            """;

    private static List<String> titles(String rules, Pipeline p, Logsource source, MapEvent event) {
        SigmaEngine engine = SigmaEngine.compile(Rules.load(rules), p, true, StandInPredicates.COMPILER);
        assertThat(engine.problems()).isEmpty();
        List<String> out = new ArrayList<>();
        engine.matcherFor(source).match(event, m -> out.add(m.rule().title()));
        return out;
    }

    @Test
    void a_field_mapping_renames_the_rule_field_to_the_event_field() {
        Pipeline p = Pipeline.parse("p.yml", "fieldmappings:\n  cs-uri-stem: uri_path\n");
        assertThat(titles(RULE, p, null, MapEvent.of("uri_path", "/owa/auth/x.js"))).containsExactly("uri rule");
        assertThat(titles(RULE, p, null, MapEvent.of("cs-uri-stem", "/owa/auth/x.js"))).isEmpty();
    }

    @Test
    void a_field_mapped_to_several_fields_matches_when_any_of_them_does() {
        Pipeline p = Pipeline.parse("p.yml", "fieldmappings:\n  cs-uri-stem: [uri_path, url]\n");
        assertThat(titles(RULE, p, null, MapEvent.of("url", "/owa/auth/x.js"))).containsExactly("uri rule");
        assertThat(titles(RULE, p, null, MapEvent.of("uri_path", "/owa/auth/x.js"))).containsExactly("uri rule");
    }

    @Test
    void a_mapping_restricted_to_a_logsource_leaves_other_rules_alone() {
        Pipeline p = Pipeline.parse("p.yml", """
                fieldmappings:
                  - logsource: {category: proxy}
                    fields:
                      cs-uri-stem: uri_path
                """);
        assertThat(titles(RULE, p, null, MapEvent.of("cs-uri-stem", "/owa/auth/x.js"))).containsExactly("uri rule");
    }

    @Test
    void mappings_match_rule_fields_case_insensitively() {
        Pipeline p = Pipeline.parse("p.yml", "fieldmappings:\n  CS-URI-STEM: uri_path\n");
        assertThat(titles(RULE, p, null, MapEvent.of("uri_path", "/owa/auth/"))).containsExactly("uri rule");
    }

    @Test
    void then_applies_the_second_pipeline_to_what_the_first_produced() {
        Pipeline p = Pipeline.parse("a.yml", "fieldmappings:\n  cs-uri-stem: step1\n")
                .then(Pipeline.parse("b.yml", "fieldmappings:\n  step1: step2\n"));
        assertThat(p.mapField("cs-uri-stem", null)).containsExactly("step2");
    }

    @Test
    void placeholders_come_from_the_last_pipeline_that_defines_them() {
        Pipeline p = Pipeline.parse("a.yml", "placeholders:\n  Admins: [root]\n  Servers: srv*\n")
                .then(Pipeline.parse("b.yml", "placeholders:\n  Admins: [adm1, adm2]\n"));
        assertThat(p.placeholder("Admins")).containsExactly("adm1", "adm2");
        assertThat(p.placeholder("Servers")).containsExactly("srv*");
        assertThat(p.placeholder("Nope")).isNull();
    }

    @Test
    void matchers_pick_rules_by_logsource() {
        Logsource iis = new Logsource("iis", "webserver", null);
        assertThat(titles(RULE, Pipeline.none(), iis, MapEvent.of("cs-uri-stem", "/owa/auth/"))).containsExactly("uri rule");
        assertThat(titles(RULE, Pipeline.none(), new Logsource("windows", null, "security"),
                MapEvent.of("cs-uri-stem", "/owa/auth/"))).isEmpty();
    }

    @Test
    void a_logsource_equivalence_lets_a_rule_apply_to_another_source() {
        Pipeline p = Pipeline.parse("p.yml", """
                logsources:
                  - rule: {category: webserver}
                    as:
                      - {product: exchange, service: httpproxy}
                """);
        Logsource proxy = new Logsource("exchange", null, "httpproxy");
        assertThat(titles(RULE, p, proxy, MapEvent.of("cs-uri-stem", "/owa/auth/"))).containsExactly("uri rule");
        assertThat(titles(RULE, Pipeline.none(), proxy, MapEvent.of("cs-uri-stem", "/owa/auth/"))).isEmpty();
    }

    @Test
    void an_equivalence_renames_only_the_parts_it_names() {
        Pipeline p = Pipeline.parse("p.yml", """
                logsources:
                  - rule: {product: windows}
                    as: {product: win}
                """);
        assertThat(p.ruleSources(new Logsource("windows", "process_creation", null)))
                .containsExactly(new Logsource("windows", "process_creation", null),
                        new Logsource("win", "process_creation", null));
    }

    @Test
    void pipeline_errors_name_the_source_and_line() {
        assertThatThrownBy(() -> Pipeline.parse("site.yml", "name: x\nfieldmapping:\n  a: b\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("site.yml:2: unknown pipeline key 'fieldmapping'");
        assertThatThrownBy(() -> Pipeline.parse("site.yml", "logsources:\n  - rule: {product: x}\n    as: {produkt: y}\n"))
                .hasMessageStartingWith("site.yml:3: unknown logsource part 'produkt'");
        assertThatThrownBy(() -> Pipeline.parse("site.yml", "fieldmappings: [unclosed"))
                .hasMessageStartingWith("site.yml:1: not valid YAML");
    }

    @Test
    void an_empty_pipeline_changes_nothing() {
        Pipeline p = Pipeline.parse("empty.yml", "");
        assertThat(p.mapField("A", null)).containsExactly("A");
        assertThat(p.ruleSources(new Logsource("x", null, null))).containsExactly(new Logsource("x", null, null));
    }
}
