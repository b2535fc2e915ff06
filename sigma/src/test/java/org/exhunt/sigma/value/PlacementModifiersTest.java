package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.item;
import static org.exhunt.sigma.value.Predicates.matchesF;

import java.util.List;
import org.junit.jupiter.api.Test;

/** contains, startswith, endswith, all and cased. */
class PlacementModifiersTest {

    @Test
    void containsMatchesAnywhere() {
        FieldPredicate p = item("f|contains", "Test executable");
        assertThat(matchesF(p, "A TEST EXECUTABLE here")).isTrue();
        assertThat(matchesF(p, "test executabl")).isFalse();
    }

    @Test
    void startswithAndEndswithAnchorOneSide() {
        assertThat(matchesF(item("f|startswith", "adm"), "Administrator")).isTrue();
        assertThat(matchesF(item("f|startswith", "adm"), "xadm")).isFalse();
        assertThat(matchesF(item("f|endswith", "\\cmd.exe"), "C:\\Windows\\System32\\CMD.exe")).isTrue();
        assertThat(matchesF(item("f|endswith", "\\cmd.exe"), "C:\\cmd.exe.bak")).isFalse();
    }

    @Test
    void wildcardsInsideContainsValuesStillWork() {
        FieldPredicate p = item("f|contains", "/owa/auth/*.aspx");
        assertThat(matchesF(p, "GET /owa/auth/shell.aspx?x=1")).isTrue();
        assertThat(matchesF(p, "/owa/auth/.asp")).isFalse();
        assertThat(matchesF(item("f|startswith", "a?c"), "abcdef")).isTrue();
        assertThat(matchesF(item("f|endswith", "a?c"), "xxabc")).isTrue();
        assertThat(matchesF(item("f|endswith", "a?c"), "xxabcx")).isFalse();
    }

    @Test
    void allRequiresEveryValue() {
        FieldPredicate p = item("f|contains|all", "-nop", "-enc");
        assertThat(matchesF(p, "powershell -enc AAA -nop")).isTrue();
        assertThat(matchesF(p, "powershell -enc AAA")).isFalse();
    }

    @Test
    void allOverListFieldLetsValuesMatchDifferentElements() {
        FieldPredicate p = item("f|contains|all", "a", "b");
        assertThat(matchesF(p, List.of("xa", "xb"))).isTrue();
        assertThat(matchesF(p, List.of("xa", "xc"))).isFalse();
    }

    @Test
    void casedComparesExactly() {
        FieldPredicate p = item("f|contains|cased", "FromBase64");
        assertThat(matchesF(p, "x FromBase64 y")).isTrue();
        assertThat(matchesF(p, "x frombase64 y")).isFalse();
        assertThat(matchesF(item("f|cased", "Ab?"), "AbC")).isTrue();
        assertThat(matchesF(item("f|cased", "Ab?"), "abC")).isFalse();
    }

    @Test
    void numberUnderContainsIsMatchedAsText() {
        assertThat(matchesF(item("f|contains", 4688), "event 4688 seen")).isTrue();
    }

    @Test
    void placementModifiersCanBeCombinedLikeWildcards() {
        // startswith and endswith together wrap the value in wildcards, as pySigma does
        assertThat(matchesF(item("f|startswith|endswith", "mid"), "a mid b")).isTrue();
    }
}
