package org.exhunt.hunt.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttackCatalogTest {

    private final AttackCatalog catalog = AttackCatalog.builtIn();

    @Test
    void aTechniqueNameIsFoundByIdLowerCaseIdOrSigmaTag() {
        assertThat(catalog.techniqueName("T1505.003")).contains("Web Shell");
        assertThat(catalog.techniqueName("t1505.003")).contains("Web Shell");
        assertThat(catalog.techniqueName("attack.t1505.003")).contains("Web Shell");
        assertThat(catalog.techniqueName(" ATTACK.T1190 ")).contains("Exploit Public-Facing Application");
    }

    @Test
    void aSubTechniquesFullNameStartsWithItsParents() {
        assertThat(catalog.fullTechniqueName("attack.t1505.003")).contains("Server Software Component: Web Shell");
        assertThat(catalog.fullTechniqueName("T1190")).contains("Exploit Public-Facing Application");
        assertThat(catalog.fullTechniqueName("T1505.999")).isEmpty();
    }

    @Test
    void unknownTechniquesAndOtherTagsHaveNoName() {
        assertThat(catalog.techniqueName("T9999")).isEmpty();
        assertThat(catalog.techniqueName("attack.persistence")).isEmpty();
        assertThat(catalog.techniqueName("cve.2021-26855")).isEmpty();
        assertThat(catalog.techniqueName("T1505.3")).isEmpty();
        assertThat(catalog.techniqueName(null)).isEmpty();
        assertThat(catalog.isKnownTechnique("T9999.001")).isFalse();
    }

    @Test
    void theCatalogNamesTheAttackReleaseItsFilesComeFrom() {
        assertThat(catalog.version()).isEqualTo(AttackDataGenerator.ATTACK_VERSION);
        assertThat(SmallCatalog.catalog().version()).isEmpty();
    }

    @Test
    void theBuiltInCatalogIsReadOnceAndShared() {
        assertThat(AttackCatalog.builtIn()).isSameAs(catalog);
    }

    @Test
    void aTechniqueServingSeveralTacticsListsThemInMatrixOrder() {
        // Valid Accounts serves initial access, persistence, privilege escalation and defense evasion
        List<String> tactics = catalog.tacticsOf("attack.t1078");
        assertThat(tactics).contains("initial-access", "persistence", "privilege-escalation", "defense-evasion")
                .isSortedAccordingTo(Comparator.comparingInt(AttackCatalog::tacticOrder));
        assertThat(catalog.tacticsOf("T1505.003")).containsExactly("persistence");
        assertThat(catalog.tacticsOf("T9999")).isEmpty();
    }

    @Test
    void tacticNamesComeFromShortNamesOrTags() {
        assertThat(catalog.tacticName("initial-access")).isEqualTo("Initial Access");
        assertThat(catalog.tacticName("attack.command-and-control")).isEqualTo("Command and Control");
        assertThat(catalog.tacticName("made-up")).isEqualTo("made-up");
        assertThat(catalog.tacticName(null)).isEmpty();
    }

    @Test
    void tacticsSortInTheEnterpriseMatrixOrderWithUnknownOnesLast() {
        List<String> shuffled = List.of("impact", "attack.persistence", "made-up", "reconnaissance", "collection",
                "initial-access", "credential-access", "execution");
        List<String> sorted = shuffled.stream().sorted(Comparator.comparingInt(AttackCatalog::tacticOrder)).toList();
        assertThat(sorted).containsExactly("reconnaissance", "initial-access", "execution", "attack.persistence",
                "credential-access", "collection", "impact", "made-up");
        assertThat(AttackCatalog.tacticOrder("reconnaissance")).isZero();
        assertThat(AttackCatalog.tacticOrder("impact")).isEqualTo(13);
        assertThat(AttackCatalog.tacticOrder(null)).isEqualTo(14);
    }

    @Test
    void techniqueIdsAreTakenFromTagsCanonicalDistinctAndSorted() {
        List<String> tags = List.of("attack.persistence", "attack.t1505.003", "cve.2021-26855", "attack.T1190",
                "exhunt.outcome.success", "attack.t1505.003", "attack.t1003.001");
        assertThat(AttackCatalog.techniquesOf(tags)).containsExactly("T1003.001", "T1190", "T1505.003");
        assertThat(AttackCatalog.techniqueId("attack.t1560.001")).contains("T1560.001");
        assertThat(AttackCatalog.techniqueId("attack.initial-access")).isEmpty();
    }

    @Test
    void hafniumIsProfiledWithItsExchangeCampaignTechniques() {
        Group hafnium = catalog.group("G0125").orElseThrow();
        assertThat(hafnium.name()).isEqualTo("HAFNIUM");
        assertThat(hafnium.aliases()).contains("Silk Typhoon").doesNotContain("HAFNIUM");
        // exploitation, web shells, LSASS dumps, archives before exfiltration, mailbox theft
        assertThat(hafnium.techniques())
                .contains("T1190", "T1505.003", "T1003.001", "T1560.001", "T1114.002", "T1059.001")
                .isSorted();
        assertThat(catalog.group("g0125")).contains(hafnium);
        assertThat(catalog.group("G9999")).isEmpty();
    }

    @Test
    void everyGroupTechniqueIsAKnownTechnique() {
        assertThat(catalog.groups()).isNotEmpty().isSortedAccordingTo(Comparator.comparing(Group::id));
        for (Group g : catalog.groups()) {
            assertThat(g.techniques()).as(g.id()).allMatch(catalog::isKnownTechnique);
        }
    }
}
