package org.exhunt.hunt.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The resemblance score over the carried ATT&CK data, for chains drawn from its techniques. */
class ResemblanceProperties {

    private static final AttackCatalog CATALOG = AttackCatalog.builtIn();
    private static final List<String> TECHNIQUES = CATALOG.techniqueIds().stream().sorted().toList();
    private static final List<Group> PROFILED =
            CATALOG.groups().stream().filter(g -> g.techniques().size() >= 2).toList();
    /** Techniques no group uses, not even through a sub-technique or parent. */
    private static final List<String> UNUSED = unusedTechniques();

    @Provide
    Arbitrary<List<String>> chains() {
        return Arbitraries.of(TECHNIQUES).list().ofMaxSize(15);
    }

    @Provide
    Arbitrary<Group> groups() {
        return Arbitraries.of(PROFILED);
    }

    @Property(tries = 200)
    void everyScoreLiesBetweenZeroAndOneAndRestsOnTwoSharedTechniques(@ForAll("chains") List<String> chain) {
        for (Resemblance r : CATALOG.resembles(chain, Integer.MAX_VALUE)) {
            assertThat(r.score()).as(r.toString()).isGreaterThan(0).isLessThan(1);
            assertThat(r.shared()).as(r.toString()).hasSizeGreaterThanOrEqualTo(2).isSorted().doesNotHaveDuplicates();
        }
    }

    @Property(tries = 200)
    void addingATechniqueTheGroupUsesNeverLowersItsScore(@ForAll("chains") List<String> chain,
            @ForAll("groups") Group group, @ForAll Random random) {
        String added = group.techniques().get(random.nextInt(group.techniques().size()));
        // a technique of the same family already in the chain changes what is matched, not only adds
        Assume.that(chain.stream().noneMatch(c -> TechniqueIds.parentOf(c).equals(TechniqueIds.parentOf(added))));
        List<String> longer = new ArrayList<>(chain);
        longer.add(added);
        assertThat(scoreOf(longer, group)).as("after adding " + added).isGreaterThanOrEqualTo(scoreOf(chain, group));
    }

    @Property(tries = 200)
    void addingATechniqueNoGroupUsesNeverRaisesAnyScore(@ForAll("chains") List<String> chain, @ForAll Random random) {
        assertThat(UNUSED).as("techniques of families no group uses").isNotEmpty();
        String added = UNUSED.get(random.nextInt(UNUSED.size()));
        Assume.that(chain.stream().noneMatch(c -> TechniqueIds.parentOf(c).equals(TechniqueIds.parentOf(added))));
        List<String> longer = new ArrayList<>(chain);
        longer.add(added);
        Map<String, Double> before = scores(chain);
        Map<String, Double> after = scores(longer);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((group, score) -> assertThat(score).as(group).isLessThanOrEqualTo(before.get(group)));
    }

    @Property(tries = 200)
    void theOrderIsStrongestFirstThenByGroupIdWhateverTheInputOrder(@ForAll("chains") List<String> chain,
            @ForAll Random random) {
        List<Resemblance> found = CATALOG.resembles(chain, 20);
        List<String> shuffled = new ArrayList<>(chain);
        Collections.shuffle(shuffled, random);
        assertThat(CATALOG.resembles(shuffled, 20)).isEqualTo(found);
        assertThat(found).hasSizeLessThanOrEqualTo(20).isSortedAccordingTo(
                Comparator.comparingDouble(Resemblance::score).reversed().thenComparing(Resemblance::groupId));
    }

    private static double scoreOf(List<String> chain, Group group) {
        return scores(chain).getOrDefault(group.id(), 0.0);
    }

    private static Map<String, Double> scores(List<String> chain) {
        return CATALOG.resembles(chain, Integer.MAX_VALUE).stream()
                .collect(Collectors.toMap(Resemblance::groupId, Resemblance::score));
    }

    private static List<String> unusedTechniques() {
        Set<String> usedFamilies = new HashSet<>();
        for (Group g : CATALOG.groups()) {
            g.techniques().stream().map(TechniqueIds::parentOf).forEach(usedFamilies::add);
        }
        return TECHNIQUES.stream().filter(t -> !usedFamilies.contains(TechniqueIds.parentOf(t))).toList();
    }
}
