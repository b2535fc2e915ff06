package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.item;
import static org.exhunt.sigma.value.Predicates.matchesF;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain values: equality, case, wildcards, escapes, lists, null, empty, numbers, booleans. */
class PlainValueTest {

    @Test
    void plainStringEqualsWholeValueIgnoringCase() {
        FieldPredicate p = item("f", "cmd.exe");
        assertThat(matchesF(p, "CMD.EXE")).isTrue();
        assertThat(matchesF(p, "cmd.exe ")).isFalse();
        assertThat(matchesF(p, "xcmd.exe")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        FieldPredicate p = item("f", "prog?.exe");
        assertThat(matchesF(p, "progA.exe")).isTrue();
        assertThat(matchesF(p, "prog.exe")).isFalse();
        assertThat(matchesF(p, "progAB.exe")).isFalse();
    }

    @Test
    void starMatchesAnyRunIncludingEmpty() {
        FieldPredicate p = item("f", "antivirus_V*.exe");
        assertThat(matchesF(p, "antivirus_V1.exe")).isTrue();
        assertThat(matchesF(p, "antivirus_V21.2.1.exe")).isTrue();
        assertThat(matchesF(p, "antivirus_V.exe")).isTrue();
        assertThat(matchesF(p, "antivirus_V1.ex")).isFalse();
    }

    @Test
    void escapedWildcardsArePlainCharacters() {
        assertThat(matchesF(item("f", "a\\*b"), "a*b")).isTrue();
        assertThat(matchesF(item("f", "a\\*b"), "axxb")).isFalse();
        assertThat(matchesF(item("f", "a\\?b"), "a?b")).isTrue();
        assertThat(matchesF(item("f", "a\\?b"), "axb")).isFalse();
    }

    @Test
    void loneBackslashStaysABackslash() {
        // spec: a plain backslash not followed by a wildcard can be written \ or \\
        assertThat(matchesF(item("f", "C:\\Windows"), "c:\\windows")).isTrue();
        assertThat(matchesF(item("f", "C:\\\\Windows"), "c:\\windows")).isTrue();
        assertThat(matchesF(item("f", "trailing\\"), "trailing\\")).isTrue();
    }

    @Test
    void escapedBackslashBeforeWildcardKeepsTheWildcard() {
        // \\* : a backslash followed by a real wildcard
        FieldPredicate p = item("f", "dir\\\\*");
        assertThat(matchesF(p, "dir\\anything")).isTrue();
        assertThat(matchesF(p, "dir\\")).isTrue();
        assertThat(matchesF(p, "dirx")).isFalse();
    }

    @Test
    void threeBackslashesBeforeStarAreBackslashAndPlainStar() {
        FieldPredicate p = item("f", "a\\\\\\*");
        assertThat(matchesF(p, "a\\*")).isTrue();
        assertThat(matchesF(p, "a\\xyz")).isFalse();
    }

    @Test
    void threeOrFourBackslashesGiveTwo() {
        assertThat(matchesF(item("f", "a\\\\\\\\b"), "a\\\\b")).isTrue();
        assertThat(matchesF(item("f", "a\\\\\\b"), "a\\\\b")).isTrue();
        assertThat(matchesF(item("f", "a\\\\\\\\b"), "a\\b")).isFalse();
    }

    @Test
    void listOfValuesIsOr() {
        FieldPredicate p = item("f", "a", "b");
        assertThat(matchesF(p, "A")).isTrue();
        assertThat(matchesF(p, "b")).isTrue();
        assertThat(matchesF(p, "c")).isFalse();
    }

    @Test
    void nullMatchesAbsentOrEmptyField() {
        FieldPredicate p = item("f", (Object) null);
        assertThat(p.test(TestEvent.of("other", "x"))).isTrue();
        assertThat(matchesF(p, "")).isTrue();
        assertThat(matchesF(p, "x")).isFalse();
    }

    @Test
    void emptyStringMatchesPresentEmptyFieldOnly() {
        FieldPredicate p = item("f", "");
        assertThat(matchesF(p, "")).isTrue();
        assertThat(p.test(TestEvent.of("other", "x"))).isFalse();
        assertThat(matchesF(p, "x")).isFalse();
    }

    @Test
    void ruleNumberMatchesNumericTextAndNumbers() {
        FieldPredicate p = item("sc-status", 200);
        assertThat(p.test(TestEvent.of("sc-status", "200"))).isTrue();
        assertThat(p.test(TestEvent.of("sc-status", 200L))).isTrue();
        assertThat(p.test(TestEvent.of("sc-status", 200.0))).isTrue();
        assertThat(p.test(TestEvent.of("sc-status", "404"))).isFalse();
        assertThat(p.test(TestEvent.of("sc-status", "200x"))).isFalse();
    }

    @Test
    void ruleNumericTextMatchesEventNumber() {
        FieldPredicate p = item("f", "4688");
        assertThat(matchesF(p, 4688L)).isTrue();
        assertThat(matchesF(p, 4689L)).isFalse();
    }

    @Test
    void booleanMatchesBooleanAndItsText() {
        FieldPredicate p = item("f", true);
        assertThat(matchesF(p, Boolean.TRUE)).isTrue();
        assertThat(matchesF(p, "True")).isTrue();
        assertThat(matchesF(p, Boolean.FALSE)).isFalse();
        assertThat(matchesF(p, "yes")).isFalse();
    }

    @Test
    void listValuedFieldMatchesWhenAnyElementMatches() {
        FieldPredicate p = item("f", "b*");
        assertThat(matchesF(p, List.of("x", "bee"))).isTrue();
        assertThat(matchesF(p, List.of("x", "y"))).isFalse();
    }

    @Test
    void absentFieldNeverMatchesAString() {
        assertThat(item("f", "*").test(TestEvent.of("g", "x"))).isFalse();
    }

    @Test
    void keywordsAreSearchTermsInsideAnyValueOfTheEvent() {
        FieldPredicate p = item("", "event::clear", "event::drop");
        assertThat(p.field()).isNull();
        assertThat(p.test(TestEvent.of("a", "x", "b", "mimikatz EVENT::CLEAR"))).isTrue();
        assertThat(p.test(TestEvent.of("a", "x", "b", "event::drop"))).isTrue();
        assertThat(p.test(TestEvent.of("a", "x", "b", "event::"))).isFalse();
    }

    @Test
    void keywordWithPlacementModifierKeepsItsAnchor() {
        FieldPredicate p = item("|startswith", "svchost");
        assertThat(p.test(TestEvent.of("a", "svchost.exe -k"))).isTrue();
        assertThat(p.test(TestEvent.of("a", "c:\\svchost.exe"))).isFalse();
    }

    @Test
    void keywordsWithAllMayMatchDifferentValues() {
        FieldPredicate p = item("|contains|all", "alpha", "beta");
        assertThat(p.test(TestEvent.of("a", "alpha one", "b", "two beta"))).isTrue();
        assertThat(p.test(TestEvent.of("a", "alpha one"))).isFalse();
    }
}
