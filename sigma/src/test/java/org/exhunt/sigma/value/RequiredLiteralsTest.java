package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.item;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which literals an item requires, so that rules can be skipped without losing matches. */
class RequiredLiteralsTest {

    @Test
    void containsValuesGiveTheirLowerCasedText() {
        assertThat(item("f|contains", "/OWA/auth/", "X.ASPX").requiredLiterals()).containsExactlyInAnyOrder("/owa/auth/", "x.aspx");
    }

    @Test
    void wildcardValuesGiveTheirLongestPlainRun() {
        assertThat(item("f", "/ecp/*/yy.js?x=*").requiredLiterals()).containsExactly("/yy.js");
        assertThat(item("f|cased", "AB*Cdef").requiredLiterals()).containsExactly("cdef");
    }

    @Test
    void allPicksTheGroupWithTheLongestShortestLiteral() {
        assertThat(item("f|contains|all", "ab", "powershell").requiredLiterals()).containsExactly("powershell");
    }

    @Test
    void aBraceThatIsNotARepetitionDoesNotHideAnAlternation() {
        // RE2 reads '{' here as a plain character, so /{|a}a/ matches "{" alone: no literal is required.
        assertThat(item("f|re", "{|a}a").requiredLiterals()).isNull();
        assertThat(item("f|re", "xy{2}powershell").requiredLiterals()).containsExactly("powershell");
    }

    @Test
    void anyValueWithoutLiteralLeavesNoSet() {
        assertThat(item("f", "abc", "*").requiredLiterals()).isNull();
        assertThat(item("f", "abc", "").requiredLiterals()).isNull();
        assertThat(item("f", "?").requiredLiterals()).isNull();
    }

    @Test
    void encodedValuesGiveTheEncodedText() {
        assertThat(item("f|base64offset|contains", "/bin/bash").requiredLiterals())
                .containsExactlyInAnyOrder("l2jpbi9iyxno", "9iaw4vymfza", "vymlul2jhc2");
    }

    @Test
    void expandedValuesGiveEachExpansion() {
        ValueContext ctx = Predicates.placeholders(Map.of("admins", List.of("root", "Administrator")));
        assertThat(item("f|expand", ctx, "%admins%").requiredLiterals()).containsExactlyInAnyOrder("root", "administrator");
    }

    @Test
    void nonStringKindsGiveNoSet() {
        assertThat(item("f|exists", true).requiredLiterals()).isNull();
        assertThat(item("f", (Object) null).requiredLiterals()).isNull();
        assertThat(item("f|gt", 3).requiredLiterals()).isNull();
        assertThat(item("f|cidr", "10.0.0.0/8").requiredLiterals()).isNull();
        assertThat(item("f", 200).requiredLiterals()).isNull();
        assertThat(item("f|re", "[0-9]+").requiredLiterals()).isNull();
    }

    @Test
    void keywordsGiveLiteralsToo() {
        FieldPredicate p = item("", "event::clear");
        assertThat(p.field()).isNull();
        assertThat(p.requiredLiterals()).containsExactly("event::clear");
    }
}
