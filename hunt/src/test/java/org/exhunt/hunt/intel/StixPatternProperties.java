package org.exhunt.hunt.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StixPatternProperties {

    @Property
    void or_ed_comparisons_give_back_every_value_whatever_it_holds(@ForAll("values") List<String> values, @ForAll boolean bracketEach) {
        List<String> comparisons = new ArrayList<>();
        for (String v : values) comparisons.add("file:name = '" + v.replace("\\", "\\\\").replace("'", "\\'") + "'");
        String pattern = bracketEach
                ? "[" + String.join("] OR [", comparisons) + "]"
                : "[" + String.join(" OR ", comparisons) + "]";

        StixPattern.Parsed parsed = StixPattern.parse(pattern);

        assertThat(parsed.error()).as(pattern).isNull();
        assertThat(parsed.comparisons()).extracting(StixPattern.Comparison::value).containsExactlyElementsOf(values);
    }

    @Property
    void a_pattern_joined_by_and_is_never_taken_apart(@ForAll("values") List<String> values) {
        List<String> comparisons = new ArrayList<>();
        for (String v : values) comparisons.add("file:name = '" + v.replace("\\", "\\\\").replace("'", "\\'") + "'");
        String pattern = "[" + String.join(" OR ", comparisons) + " AND file:size = '1']";

        assertThat(StixPattern.parse(pattern).comparisons()).isEmpty();
    }

    @Property
    void list_names_made_from_any_text_are_valid_list_names(@ForAll String text) {
        assertThat(FeedDraft.listName(text)).matches("[a-z0-9][a-z0-9._-]*").hasSizeLessThanOrEqualTo(60);
    }

    @Provide
    Arbitrary<List<String>> values() {
        return Arbitraries.strings().withChars("ab'\\ ]OR[.=:-").ofMaxLength(10).list().ofMinSize(1).ofMaxSize(4);
    }
}
