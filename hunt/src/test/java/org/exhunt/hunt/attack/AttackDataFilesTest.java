package org.exhunt.hunt.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** A damaged carried file fails at load, naming the file, the line and what was expected. */
class AttackDataFilesTest {

    private static final String GROUP_HEADER = "id\tname\taliases\ttechniques\n";

    @Test
    void theSmallCatalogReadsWithAliasesAndEmptyProfiles() {
        AttackCatalog catalog = SmallCatalog.catalog();
        assertThat(catalog.group("G0002").orElseThrow().aliases()).containsExactly("PO", "Parental");
        assertThat(catalog.group("G0008").orElseThrow().techniques()).isEmpty();
        assertThat(catalog.tacticsOf("T1505.003")).containsExactly("persistence");
    }

    @Test
    void aMissingColumnHeaderIsNamed() {
        assertThatThrownBy(() -> read("# only a comment\nG0001\tX\t\tT1190\n"))
                .isInstanceOf(AttackDataFormatException.class)
                .hasMessageStartingWith("attack/groups.tab:2: expected the column header id<tab>name<tab>aliases<tab>techniques");
    }

    @Test
    void aRowWithTooFewColumnsGivesItsLine() {
        assertThatThrownBy(() -> read(GROUP_HEADER + "G0001\tX\t\tT1190\nG0002\tY\n"))
                .hasMessage("attack/groups.tab:3: expected 4 tab-separated columns [id, name, aliases, techniques], found 2");
    }

    @Test
    void aGroupUsingAnUnknownTechniqueIsRefused() {
        assertThatThrownBy(() -> read(GROUP_HEADER + "G0001\tX\t\tT1190,T9999\n"))
                .hasMessage("attack/groups.tab:2: group G0001 uses unknown technique 'T9999'");
    }

    @Test
    void malformedIdsAndDuplicatesAreRefused() {
        assertThatThrownBy(() -> read(GROUP_HEADER + "G1\tX\t\tT1190\n"))
                .hasMessage("attack/groups.tab:2: group id 'G1' is not Gnnnn");
        assertThatThrownBy(() -> read(GROUP_HEADER + "G0001\tX\t\tT1190\nG0001\tY\t\tT1105\n"))
                .hasMessage("attack/groups.tab:3: group G0001 appears twice");
        assertThatThrownBy(() -> AttackCatalog.read(SmallCatalog.TACTICS,
                "id\tname\ttactics\nT1190\tExploit\tinitial-acces\n", GROUP_HEADER))
                .hasMessage("attack/techniques.tab:2: unknown tactic 'initial-acces' for T1190");
        assertThatThrownBy(() -> AttackCatalog.read(SmallCatalog.TACTICS,
                "id\tname\ttactics\nT190\tExploit\tinitial-access\n", GROUP_HEADER))
                .hasMessage("attack/techniques.tab:2: technique id 'T190' is not Tnnnn or Tnnnn.nnn");
    }

    @Property(tries = 300)
    void anyGroupsTextEitherReadsOrFailsWithAFormatError(@ForAll String row) {
        try {
            read(GROUP_HEADER + row + "\n");
        } catch (AttackDataFormatException expected) {
            assertThat(expected.getMessage()).startsWith("attack/groups.tab:");
        }
    }

    private static AttackCatalog read(String groups) {
        return AttackCatalog.read(SmallCatalog.TACTICS, SmallCatalog.TECHNIQUES, groups);
    }
}
