package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PrintableTextPropertiesTest {

    @Property
    void escapedHtmlNeverContainsMarkupCharactersOrControls(@ForAll String evidence) {
        String escaped = HtmlText.escape(evidence);

        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        assertThat(escaped.chars().noneMatch(c -> c < 0x20 && c != '\t')).isTrue();
    }

    @Property
    void printableTextKeepsPlainTextAsIs(@ForAll("plain") String text) {
        assertThat(PrintableText.of(text)).isEqualTo(text);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> plain() {
        return net.jqwik.api.Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200);
    }

    @Property
    void printableTextLeavesNoControlCharacter(@ForAll String text) {
        assertThat(PrintableText.of(text).chars().noneMatch(c -> (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)))
                .isTrue();
    }
}
