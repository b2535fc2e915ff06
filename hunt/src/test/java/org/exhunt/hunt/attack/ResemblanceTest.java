package org.exhunt.hunt.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResemblanceTest {

    private final AttackCatalog small = SmallCatalog.catalog();

    @Test
    void aChainSubTechniqueMatchesAGroupKnownOnlyForItsParent() {
        Resemblance parentOnly = find(small.resembles(List.of("T1190", "T1505.003"), 10), "G0002").orElseThrow();
        assertThat(parentOnly.shared()).containsExactly("T1190", "T1505");
    }

    @Test
    void aChainParentMatchesAGroupUsingOneOfItsSubTechniques() {
        Resemblance subOnly = find(small.resembles(List.of("T1059", "T1105"), 10), "G0003").orElseThrow();
        assertThat(subOnly.shared()).containsExactly("T1059", "T1105");
    }

    @Test
    void aSiblingSubTechniqueIsNoMatch() {
        // the group runs PowerShell, the chain the Windows command shell: only T1105 in common
        assertThat(find(small.resembles(List.of("T1059.003", "T1105"), 10), "G0003")).isEmpty();
    }

    @Test
    void aMatchOnlyAtTheParentLevelCountsLessThanAnExactOne() {
        List<Resemblance> found = small.resembles(List.of("T1190", "T1505.003"), 10);
        double exact = find(found, "G0006").orElseThrow().score();
        double parentOnly = find(found, "G0002").orElseThrow().score();
        assertThat(exact).isGreaterThan(parentOnly);
    }

    @Test
    void oneTechniqueInCommonIsNoResemblance() {
        assertThat(small.resembles(List.of("T1190"), 10)).isEmpty();
        assertThat(small.resembles(List.of("T1190", "T1003.001"), 10)).noneMatch(r -> r.shared().size() < 2);
    }

    @Test
    void rareSharedTechniquesOutweighCommonOnes() {
        List<Resemblance> found = small.resembles(List.of("T1190", "T1105", "T1003.001", "T1560.001"), 10);
        double rare = find(found, "G0004").orElseThrow().score();
        double common = find(found, "G0005").orElseThrow().score();
        assertThat(rare).isGreaterThan(common);
    }

    @Test
    void aParentBesideItsOwnSubTechniqueAddsNothing() {
        assertThat(small.resembles(List.of("T1505", "T1505.003", "T1190"), 10))
                .isEqualTo(small.resembles(List.of("T1505.003", "T1190"), 10));
    }

    @Test
    void tagsOtherTechniquesAndUnknownIdsAreIgnored() {
        List<String> tags = List.of("attack.t1190", "attack.persistence", "cve.2021-26855", "attack.t1505.003",
                "T9999", "exhunt.outcome.success");
        assertThat(small.resembles(tags, 10)).isEqualTo(small.resembles(List.of("T1190", "T1505.003"), 10))
                .isNotEmpty();
    }

    @Test
    void groupsComeStrongestFirstThenByIdAndAreCutAtMax() {
        List<Resemblance> found = small.resembles(List.of("T1190", "T1505.003"), 10);
        assertThat(found).isSortedAccordingTo(
                Comparator.comparingDouble(Resemblance::score).reversed().thenComparing(Resemblance::groupId));
        // the two identical profiles tie and stand in id order
        assertThat(found).extracting(Resemblance::groupId).containsSubsequence("G0006", "G0007");
        assertThat(small.resembles(List.of("T1190", "T1505.003"), 1)).containsExactly(found.get(0));
        assertThat(small.resembles(List.of("T1190", "T1505.003"), 0)).isEmpty();
    }

    @Test
    void hafniumLeadsTheTechniquesOfItsOwnExchangeCampaign() {
        // exploitation, web shells, LSASS dumps, archiving, mailbox theft (Microsoft and Volexity, March 2021)
        List<String> campaign = List.of("T1190", "T1505.003", "T1003.001", "T1560.001", "T1114.002");
        List<Resemblance> found = AttackCatalog.builtIn().resembles(campaign, 5);
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).group()).isEqualTo("HAFNIUM");
        assertThat(found.get(0).shared()).containsExactlyInAnyOrderElementsOf(campaign);
    }

    @Test
    void aProxyLogonChainFromOurRulesRanksHafniumHighAndAboveGroupsSharingOnlyCommonTechniques() {
        List<String> chainTags = List.of("attack.initial-access", "attack.t1190", "attack.persistence",
                "attack.t1505.003", "attack.credential-access", "attack.t1003.001", "attack.collection",
                "attack.t1560.001", "attack.execution", "attack.t1059.003", "attack.t1105", "cve.2021-26855");
        AttackCatalog catalog = AttackCatalog.builtIn();
        List<Resemblance> top = catalog.resembles(AttackCatalog.techniquesOf(chainTags), 5);
        Resemblance hafnium = find(top, "G0125").orElseThrow(
                () -> new AssertionError("HAFNIUM not among the five strongest: " + top));
        assertThat(hafnium.shared()).hasSize(6);

        List<String> common = List.of("T1190", "T1105", "T1059.003", "T1059");
        List<Resemblance> all = catalog.resembles(chainTags, Integer.MAX_VALUE);
        List<Resemblance> onlyCommon = all.stream().filter(r -> common.containsAll(r.shared())).toList();
        assertThat(onlyCommon).as("groups sharing only exploitation, tool transfer and the shell").isNotEmpty()
                .allMatch(r -> r.score() < hafnium.score());
        int hafniumSize = catalog.group("G0125").orElseThrow().techniques().size();
        for (Resemblance r : all) {
            boolean sharesLess = hafnium.shared().containsAll(r.shared()) && r.shared().size() < hafnium.shared().size();
            boolean asBroad = catalog.group(r.groupId()).orElseThrow().techniques().size() >= hafniumSize;
            if (sharesLess && asBroad) assertThat(r.score()).as(r.toString()).isLessThan(hafnium.score());
        }
    }

    @Test
    void aNarrowerProfileExplainingTheSameChainScoresHigher() {
        // Broad uses four techniques, Common two; both share exactly T1190 and T1105 with the chain
        List<Resemblance> found = small.resembles(List.of("T1190", "T1105"), 10);
        assertThat(find(found, "G0005").orElseThrow().score()).isGreaterThan(find(found, "G0001").orElseThrow().score());
    }

    @Test
    void twoCommonTechniquesNeverLookLikeAStrongResemblance() {
        List<Resemblance> found = AttackCatalog.builtIn().resembles(List.of("T1190", "T1505.003"), 50);
        assertThat(found).isNotEmpty().allMatch(r -> r.score() < 0.5);
    }

    private static Optional<Resemblance> find(List<Resemblance> found, String groupId) {
        return found.stream().filter(r -> r.groupId().equals(groupId)).findFirst();
    }
}
