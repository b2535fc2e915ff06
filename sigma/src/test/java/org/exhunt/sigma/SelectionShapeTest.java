package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.Rules.matches;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a selection's YAML shape turns into AND and OR, per the Sigma rules specification. */
class SelectionShapeTest {

    @Test
    void a_map_is_an_and_of_its_fields() {
        String d = """
                selection:
                    A: x
                    B: y
                condition: selection
            """;
        assertThat(matches(d, MapEvent.of("A", "x", "B", "y"))).isTrue();
        assertThat(matches(d, MapEvent.of("A", "x", "B", "other"))).isFalse();
    }

    @Test
    void a_list_of_values_under_a_field_is_an_or() {
        String d = """
                selection:
                    EventID:
                        - 517
                        - 1102
                condition: selection
            """;
        assertThat(matches(d, MapEvent.of("EventID", "1102"))).isTrue();
        assertThat(matches(d, MapEvent.of("EventID", "4624"))).isFalse();
    }

    @Test
    void a_list_of_maps_is_an_or_of_ands() {
        String d = """
                selection:
                    - A: x
                      B: y
                    - C: z
                condition: selection
            """;
        assertThat(matches(d, MapEvent.of("C", "z"))).isTrue();
        assertThat(matches(d, MapEvent.of("A", "x", "B", "y"))).isTrue();
        assertThat(matches(d, MapEvent.of("A", "x"))).isFalse();
    }

    @Test
    void a_list_of_plain_values_is_a_keyword_or_over_every_field() {
        String d = """
                keywords:
                    - 'event::clear'
                    - 'event::drop'
                condition: keywords
            """;
        assertThat(matches(d, MapEvent.of("CommandLine", "mimikatz event::drop exit"))).isTrue();
        assertThat(matches(d, MapEvent.of("CommandLine", "whoami"))).isFalse();
    }

    @Test
    void a_keyword_map_with_all_requires_every_keyword() {
        String d = """
                keywords_cmdlet:
                    '|all':
                        - 'OabVirtualDirectory'
                        - ' -ExternalUrl '
                condition: keywords_cmdlet
            """;
        assertThat(matches(d, MapEvent.of("Payload", "Set-OabVirtualDirectory -ExternalUrl 'http://x'"))).isTrue();
        assertThat(matches(d, MapEvent.of("Payload", "Get-OabVirtualDirectory"))).isFalse();
    }

    @Test
    void modifiers_after_the_field_name_reach_the_value_compiler() {
        String d = """
                selection:
                    CommandLine|contains|all:
                        - '-enc'
                        - 'hidden'
                condition: selection
            """;
        assertThat(matches(d, MapEvent.of("CommandLine", "powershell -w hidden -enc AAAA"))).isTrue();
        assertThat(matches(d, MapEvent.of("CommandLine", "powershell -enc AAAA"))).isFalse();
    }

    @Test
    void a_null_value_matches_an_absent_field() {
        String d = """
                selection:
                    A: x
                filter:
                    B: null
                condition: selection and filter
            """;
        assertThat(matches(d, MapEvent.of("A", "x"))).isTrue();
        assertThat(matches(d, MapEvent.of("A", "x", "B", "y"))).isFalse();
    }

    @Test
    void field_values_that_are_lists_in_the_event_reach_the_predicate() {
        String d = """
                selection:
                    Tags|contains: admin
                condition: selection
            """;
        // The stand-in compares the list's text; what matters here is that the matcher scans list elements for literals.
        assertThat(matches(d, MapEvent.of("Tags", List.of("user", "admin")))).isTrue();
    }
}
