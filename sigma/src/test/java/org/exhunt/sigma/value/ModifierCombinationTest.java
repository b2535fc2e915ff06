package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.failure;

import org.junit.jupiter.api.Test;

/** Unknown modifiers and combinations the specification does not allow are reported clearly. */
class ModifierCombinationTest {

    @Test
    void unknownModifierIsNamedWithASuggestion() {
        assertThat(failure("f|contians", "x").getMessage()).startsWith("unknown modifier 'contians'")
                .contains("did you mean 'contains'");
        assertThat(failure("f|frobnicate", "x").getMessage()).contains("unknown modifier 'frobnicate'")
                .doesNotContain("did you mean");
    }

    @Test
    void repeatedModifierIsRejected() {
        assertThat(failure("f|contains|contains", "x").getMessage()).contains("given twice");
    }

    @Test
    void twoValueKindsCannotBeCombined() {
        assertThat(failure("f|re|cidr", "x").getMessage()).contains("'re' and 'cidr' cannot be combined");
        assertThat(failure("f|lt|gt", 1).getMessage()).contains("'lt' and 'gt' cannot be combined");
    }

    @Test
    void casedWithRegexIsRejected() {
        assertThat(failure("f|re|cased", "x").getMessage()).contains("'cased' cannot be combined with 're'");
    }

    @Test
    void nullCannotTakeStringModifiers() {
        assertThat(failure("f|contains", (Object) null).getMessage()).contains("null cannot take modifier 'contains'");
    }

    @Test
    void encodingsMustComeInOrder() {
        assertThat(failure("f|base64|wide", "x").getMessage()).contains("'wide' must come before 'base64'");
        assertThat(failure("f|base64|base64offset", "x").getMessage()).contains("cannot be combined");
    }

    @Test
    void keywordsCannotUseFieldOnlyModifiers() {
        assertThat(failure("|exists", true).getMessage()).contains("needs a field");
        assertThat(failure("", (Object) null).getMessage()).contains("keyword cannot be null");
    }

    @Test
    void errorsNameTheFieldAndChain() {
        assertThat(failure("cs-uri-query|gt", "abc").getMessage()).contains("[cs-uri-query|gt]");
    }

    @Test
    void missingValuesAreRejected() {
        assertThat(failure("f|contains").getMessage()).contains("no value");
    }
}
