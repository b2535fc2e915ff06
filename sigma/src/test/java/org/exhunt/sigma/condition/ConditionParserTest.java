package org.exhunt.sigma.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.exhunt.sigma.condition.Condition.And;
import org.exhunt.sigma.condition.Condition.Identifier;
import org.exhunt.sigma.condition.Condition.Not;
import org.exhunt.sigma.condition.Condition.Or;
import org.exhunt.sigma.condition.Condition.Quantified;
import org.junit.jupiter.api.Test;

class ConditionParserTest {

    private static Identifier id(String n) {
        return new Identifier(n);
    }

    @Test
    void a_single_identifier_is_a_reference() throws Exception {
        assertThat(ConditionParser.parse("selection")).isEqualTo(id("selection"));
    }

    @Test
    void and_binds_tighter_than_or() throws Exception {
        assertThat(ConditionParser.parse("a or b and c"))
                .isEqualTo(new Or(List.of(id("a"), new And(List.of(id("b"), id("c"))))));
    }

    @Test
    void not_binds_tighter_than_and() throws Exception {
        assertThat(ConditionParser.parse("not a and b"))
                .isEqualTo(new And(List.of(new Not(id("a")), id("b"))));
    }

    @Test
    void not_applies_to_a_whole_quantifier() throws Exception {
        assertThat(ConditionParser.parse("sel and not 1 of filter*"))
                .isEqualTo(new And(List.of(id("sel"), new Not(new Quantified(1, "filter*")))));
    }

    @Test
    void brackets_override_precedence() throws Exception {
        assertThat(ConditionParser.parse("(a or b) and c"))
                .isEqualTo(new And(List.of(new Or(List.of(id("a"), id("b"))), id("c"))));
    }

    @Test
    void chains_of_the_same_operator_are_flat() throws Exception {
        assertThat(ConditionParser.parse("a and b and c")).isEqualTo(new And(List.of(id("a"), id("b"), id("c"))));
    }

    @Test
    void quantifiers_read_one_all_and_counts_over_them_or_patterns() throws Exception {
        assertThat(ConditionParser.parse("1 of them")).isEqualTo(new Quantified(1, null));
        assertThat(ConditionParser.parse("all of them")).isEqualTo(new Quantified(Quantified.ALL, null));
        assertThat(ConditionParser.parse("all of sel_*")).isEqualTo(new Quantified(Quantified.ALL, "sel_*"));
        assertThat(ConditionParser.parse("3 of sel*")).isEqualTo(new Quantified(3, "sel*"));
    }

    @Test
    void keywords_are_accepted_in_any_case() throws Exception {
        assertThat(ConditionParser.parse("a AND NOT b Or 1 OF c*"))
                .isEqualTo(new Or(List.of(new And(List.of(id("a"), new Not(id("b")))), new Quantified(1, "c*"))));
    }

    @Test
    void brackets_need_no_surrounding_spaces() throws Exception {
        assertThat(ConditionParser.parse("(a)and(not b)"))
                .isEqualTo(new And(List.of(id("a"), new Not(id("b")))));
    }

    @Test
    void an_unclosed_bracket_is_reported_with_its_column() {
        assertThatThrownBy(() -> ConditionParser.parse("(a or b"))
                .isInstanceOf(ConditionSyntaxException.class)
                .hasMessageContaining("condition '(a or b'")
                .hasMessageContaining("column 8")
                .hasMessageContaining("')'");
    }

    @Test
    void a_dangling_operator_names_what_was_expected() {
        assertThatThrownBy(() -> ConditionParser.parse("a and"))
                .hasMessageContaining("column 6").hasMessageContaining("expected a search identifier");
    }

    @Test
    void two_identifiers_without_operator_are_an_error() {
        assertThatThrownBy(() -> ConditionParser.parse("a b"))
                .hasMessageContaining("column 3").hasMessageContaining("found 'b'");
    }

    @Test
    void a_count_must_be_a_positive_number() {
        assertThatThrownBy(() -> ConditionParser.parse("0 of sel*")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ConditionParser.parse("some of sel*")).hasMessageContaining("number or 'all'");
    }

    @Test
    void aggregations_of_sigma_v1_are_rejected_with_a_pointer_to_correlations() {
        assertThatThrownBy(() -> ConditionParser.parse("selection | count() by host > 5"))
                .hasMessageContaining("correlation rule").hasMessageContaining("column 11");
    }

    @Test
    void an_empty_condition_is_an_error() {
        assertThatThrownBy(() -> ConditionParser.parse("  ")).hasMessageContaining("empty");
    }

    @Test
    void identifier_patterns_match_stars_anywhere() {
        assertThat(IdentifierPattern.matches("sel*", "selection")).isTrue();
        assertThat(IdentifierPattern.matches("*_img", "sel_img")).isTrue();
        assertThat(IdentifierPattern.matches("s*l*n", "selection")).isTrue();
        assertThat(IdentifierPattern.matches("sel*", "filter")).isFalse();
        assertThat(IdentifierPattern.matches("sel", "selection")).isFalse();
    }
}
