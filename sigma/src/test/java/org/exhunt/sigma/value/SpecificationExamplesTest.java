package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.item;

import org.junit.jupiter.api.Test;

/** The value examples of the Sigma rules specification 2.1, item by item. */
class SpecificationExamplesTest {

    @Test
    void imageEndswithBackslashExample() {
        // YAML '\\example.exe' is the Sigma string \\example.exe: an escaped backslash
        FieldPredicate p = item("Image|endswith", "\\\\example.exe");
        assertThat(p.test(TestEvent.of("Image", "C:\\Temp\\EXAMPLE.exe"))).isTrue();
        assertThat(p.test(TestEvent.of("Image", "C:\\Temp\\my-example.exe"))).isFalse();
    }

    @Test
    void descriptionContainsExample() {
        FieldPredicate p = item("Description|contains", "Test executable");
        assertThat(p.test(TestEvent.of("Description", "A test executable for QA"))).isTrue();
    }

    @Test
    void eventIdListExample() {
        FieldPredicate p = item("EventID", 517, 1102);
        assertThat(p.test(TestEvent.of("EventID", 1102L))).isTrue();
        assertThat(p.test(TestEvent.of("EventID", "517"))).isTrue();
        assertThat(p.test(TestEvent.of("EventID", 4769L))).isFalse();
    }

    @Test
    void quotedHexValueIsAStringExample() {
        FieldPredicate p = item("TicketOptions", "0x40810000");
        assertThat(p.test(TestEvent.of("TicketOptions", "0x40810000"))).isTrue();
        assertThat(p.test(TestEvent.of("TicketOptions", "0x40810001"))).isFalse();
    }

    @Test
    void nullAndEmptyExamples() {
        FieldPredicate isNull = item("PasswordLastSet", (Object) null);
        FieldPredicate isEmpty = item("FieldB", "");
        assertThat(isNull.test(TestEvent.of("EventID", 4738L))).isTrue();
        assertThat(isNull.test(TestEvent.of("PasswordLastSet", "2021-03-02"))).isFalse();
        assertThat(isEmpty.test(TestEvent.of("FieldB", ""))).isTrue();
        assertThat(isEmpty.test(TestEvent.of("FieldA", "x"))).isFalse();
    }

    @Test
    void fieldExistenceExample() {
        FieldPredicate p = item("PasswordLastSet|exists", true);
        assertThat(p.test(TestEvent.of("EventID", 4738L, "PasswordLastSet", "%%1794"))).isTrue();
        assertThat(p.test(TestEvent.of("EventID", 4738L))).isFalse();
    }

    @Test
    void keywordsWithAllExample() {
        // Give : "OabVirtualDirectory" and " -ExternalUrl "
        FieldPredicate p = item("|all", "OabVirtualDirectory", " -ExternalUrl ");
        assertThat(p.test(TestEvent.of("Payload",
                "Set-OabVirtualDirectory -Identity 'OAB (Default Web Site)' -ExternalUrl 'http://x/#<script>'"))).isTrue();
        assertThat(p.test(TestEvent.of("Payload", "Get-OabVirtualDirectory"))).isFalse();
    }

    @Test
    void wildcardExamples() {
        assertThat(matches("prog?.exe", "progB.exe")).isTrue();
        assertThat(matches("antivirus_V*.exe", "antivirus_V21.2.1.exe")).isTrue();
    }

    private static boolean matches(String pattern, String text) {
        return Predicates.matchesF(item("f", pattern), text);
    }
}
