package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sigma filters (sigma-filters-specification.md) suppress matches of the rules they name. */
class FilterTest {

    private static final String RULES = """
            title: rar use
            id: 6f3e2987-db24-4c78-a860-b4f4095a7095
            name: rar_use
            logsource:
                category: process_creation
                product: windows
            detection:
                selection:
                    Image|endswith: rar.exe
                condition: selection
            ---
            title: other rule
            id: 00000000-0000-0000-0000-000000000001
            logsource:
                category: process_creation
                product: windows
            detection:
                selection:
                    Image|endswith: rar.exe
                condition: selection
            """;

    private static String filter(String ruleRef, String logsource) {
        return """
                ---
                title: Filter Administrator account
                logsource:
                %s
                filter:
                    rules:
                        - %s
                    selection:
                        User|startswith: 'adm_'
                    condition: selection
                """.formatted(logsource, ruleRef);
    }

    private static final String WINDOWS = "    category: process_creation\n    product: windows";

    private static final MapEvent ADMIN = MapEvent.of("Image", "C:\\rar.exe", "User", "adm_bob");
    private static final MapEvent USER = MapEvent.of("Image", "C:\\rar.exe", "User", "bob");

    @Test
    void a_filter_suppresses_matches_of_the_rule_it_names_by_id() {
        SigmaEngine e = Rules.engine(RULES + filter("6f3e2987-db24-4c78-a860-b4f4095a7095", WINDOWS));
        assertThat(Rules.titles(e, ADMIN)).containsExactly("other rule");
        assertThat(Rules.titles(e, USER)).containsExactly("rar use", "other rule");
    }

    @Test
    void a_filter_may_name_its_rule_by_name() {
        SigmaEngine e = Rules.engine(RULES + filter("rar_use", WINDOWS));
        assertThat(Rules.titles(e, ADMIN)).containsExactly("other rule");
    }

    @Test
    void a_filter_for_another_logsource_does_not_apply() {
        SigmaEngine e = Rules.engine(RULES + filter("rar_use", "    product: linux"));
        assertThat(Rules.titles(e, ADMIN)).containsExactly("rar use", "other rule");
    }

    @Test
    void a_filter_naming_a_rule_that_is_not_loaded_is_reported() {
        RuleSet set = Rules.load(RULES + filter("no-such-rule", WINDOWS));
        SigmaEngine e = SigmaEngine.compile(set, Pipeline.none(), true, StandInPredicates.COMPILER);
        assertThat(e.compiledRules()).isEqualTo(2);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(22);
            assertThat(p.reason()).contains("'no-such-rule'").contains("not loaded");
        });
    }

    @Test
    void a_filter_without_rules_is_a_load_problem() {
        RuleSet set = Rules.load("""
                title: f
                logsource:
                    product: windows
                filter:
                    selection:
                        User: x
                    condition: selection
                """);
        assertThat(set.filterCount()).isZero();
        assertThat(set.problems()).singleElement().extracting(RuleProblem::reason).asString().contains("'rules'");
    }
}
