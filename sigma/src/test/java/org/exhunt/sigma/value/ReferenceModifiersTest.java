package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.failure;
import static org.exhunt.sigma.value.Predicates.item;
import static org.exhunt.sigma.value.Predicates.matchesF;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** expand (placeholders), fieldref, exists and neq. */
class ReferenceModifiersTest {

    @Test
    void expandReplacesPlaceholderByEachConfiguredValue() {
        ValueContext ctx = Predicates.placeholders(Map.of("Workstations", List.of("ws-01", "lab-*")));
        FieldPredicate p = item("f|expand", ctx, "%Workstations%");
        assertThat(matchesF(p, "WS-01")).isTrue();
        assertThat(matchesF(p, "lab-77")).isTrue();
        assertThat(matchesF(p, "srv-01")).isFalse();
    }

    @Test
    void expandKeepsEscapedPercentPlain() {
        // spec: \%plain%name% handles %plain as plain value and %name% as placeholder
        ValueContext ctx = Predicates.placeholders(Map.of("name", List.of("X")));
        assertThat(matchesF(item("f|expand", ctx, "\\%plain%name%"), "%plainX")).isTrue();
    }

    @Test
    void placeholderWithoutExpandIsLiteral() {
        assertThat(matchesF(item("f", "%name%"), "%NAME%")).isTrue();
    }

    @Test
    void containsAppliesAroundExpandedValues() {
        ValueContext ctx = Predicates.placeholders(Map.of("dom", List.of("corp")));
        assertThat(matchesF(item("f|contains|expand", ctx, "%dom%"), "echo CORP\\user")).isTrue();
    }

    @Test
    void unknownPlaceholderIsRejected() {
        assertThat(failure("f|expand", "%Servers%").getMessage()).contains("unknown placeholder '%Servers%'");
    }

    @Test
    void fieldrefComparesTwoFieldsOfTheEvent() {
        FieldPredicate p = item("TargetFilename|fieldref", "Image");
        assertThat(p.test(TestEvent.of("TargetFilename", "C:\\a.exe", "Image", "c:\\A.exe"))).isTrue();
        assertThat(p.test(TestEvent.of("TargetFilename", "C:\\a.exe", "Image", "C:\\b.exe"))).isFalse();
        assertThat(p.test(TestEvent.of("TargetFilename", "C:\\a.exe"))).isFalse();
        assertThat(p.requiredLiterals()).isNull();
    }

    @Test
    void fieldrefWithPlacementModifiers() {
        assertThat(item("a|fieldref|startswith", "b").test(TestEvent.of("a", "corp\\bob", "b", "corp"))).isTrue();
        assertThat(item("a|fieldref|endswith", "b").test(TestEvent.of("a", "corp\\bob", "b", "bob"))).isTrue();
        assertThat(item("a|fieldref|contains", "b").test(TestEvent.of("a", "corp\\bob", "b", "p\\b"))).isTrue();
        assertThat(item("a|fieldref|endswith", "b").test(TestEvent.of("a", "corp\\bob", "b", "corp"))).isFalse();
    }

    @Test
    void fieldrefUsesTheFieldMapping() {
        ValueContext ctx = new ValueContext() {
            @Override
            public List<String> placeholder(String name) {
                return null;
            }

            @Override
            public String mapField(String ruleField) {
                return ruleField.equals("ParentUser") ? "parent_user" : ruleField;
            }
        };
        FieldPredicate p = item("User|fieldref", ctx, "ParentUser");
        assertThat(p.test(TestEvent.of("User", "bob", "parent_user", "BOB"))).isTrue();
    }

    @Test
    void fieldrefWithNeqMatchesDifferentValues() {
        FieldPredicate p = item("a|fieldref|neq", "b");
        assertThat(p.test(TestEvent.of("a", "x", "b", "y"))).isTrue();
        assertThat(p.test(TestEvent.of("a", "x", "b", "X"))).isFalse();
    }

    @Test
    void existsChecksPresenceNotValue() {
        assertThat(item("f|exists", true).test(TestEvent.of("f", ""))).isTrue();
        assertThat(item("f|exists", true).test(TestEvent.of("g", "x"))).isFalse();
        assertThat(item("f|exists", false).test(TestEvent.of("g", "x"))).isTrue();
        assertThat(failure("f|exists", "maybe").getMessage()).contains("true or false");
        assertThat(failure("f|exists|contains", true).getMessage()).contains("cannot be combined");
    }

    @Test
    void neqNegatesTheWholeItem() {
        FieldPredicate p = item("f|neq", "a", "b");
        assertThat(matchesF(p, "c")).isTrue();
        assertThat(matchesF(p, "A")).isFalse();
        assertThat(matchesF(p, "b")).isFalse();
        assertThat(p.requiredLiterals()).isNull();
        assertThat(matchesF(item("f|neq", 200), "404")).isTrue();
        assertThat(matchesF(item("f|neq", 200), "200")).isFalse();
    }
}
