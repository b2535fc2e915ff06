package org.exhunt.hunt.attack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores how much of a chain's techniques each group's ATT&CK profile explains.
 *
 * <p>Each technique weighs {@code ln(1 + N / n)}: {@code N} groups have a profile, {@code n} of them
 * use the technique (using a sub-technique counts as using its parent). T1190, used by about a
 * quarter of all groups, weighs little; a technique few groups are known for weighs much more. A
 * technique no group uses weighs as if one did.
 *
 * <p>A chain technique is shared with a group when the group uses it; when the group uses only its
 * parent (the chain's T1505.003, the group's T1505); or when the chain names a parent and the group
 * uses one of its sub-techniques. The shared weight is that of the id both are known to use, so a
 * match only at the parent level counts for the (lighter) parent.
 *
 * <p>{@code score = shared / (chain + EVIDENCE_FLOOR + UNSEEN_SHARE × unseen)}, all as weights:
 * {@code shared} what the chain and the group have in common, {@code chain} all the chain shows,
 * {@code unseen} the rest of the group's profile. Mostly it is the rarity-weighted share of the
 * chain the group explains. The floor, about two typical techniques, keeps two or three shared
 * techniques from looking like a perfect match. The group's techniques the chain does not show
 * count one fiftieth: one server's logs see only a slice of an intrusion, yet a group documented
 * doing nearly everything explains any chain and should not tie with one whose profile is narrow.
 * The score stays in [0, 1); adding a technique the group uses never lowers it, adding one it
 * doesn't never raises it. Groups sharing fewer than {@link #MIN_SHARED} distinct ids are left
 * out: one technique in common says nothing.
 */
final class ResemblanceScorer {

    static final double EVIDENCE_FLOOR = 4.0;
    static final double UNSEEN_SHARE = 0.02;
    static final int MIN_SHARED = 2;

    private static final Comparator<Resemblance> STRONGEST_FIRST =
            Comparator.comparingDouble(Resemblance::score).reversed().thenComparing(Resemblance::groupId);

    private final Map<String, Technique> techniques;
    private final List<Profile> profiles = new ArrayList<>();
    private final Map<String, Double> weights = new HashMap<>();
    private final double unusedWeight;

    /** A group's techniques as given, plus every parent they imply, and the weight of all it uses. */
    private record Profile(Group group, Set<String> uses, Set<String> usesWithParents, double weight) { }

    ResemblanceScorer(Map<String, Technique> techniques, Collection<Group> groups) {
        this.techniques = techniques;
        Map<String, Integer> usedBy = new HashMap<>();
        Map<Group, Set<String>> withParentsByGroup = new HashMap<>();
        for (Group g : groups) {
            if (g.techniques().isEmpty()) continue;
            Set<String> withParents = new HashSet<>(g.techniques());
            for (String t : g.techniques()) withParents.add(TechniqueIds.parentOf(t));
            withParentsByGroup.put(g, Set.copyOf(withParents));
            for (String t : withParents) usedBy.merge(t, 1, Integer::sum);
        }
        int n = withParentsByGroup.size();
        usedBy.forEach((t, count) -> weights.put(t, Math.log1p((double) n / count)));
        unusedWeight = Math.log1p(n);
        withParentsByGroup.forEach((g, withParents) -> {
            double profileWeight = 0;
            for (String t : g.techniques()) profileWeight += weight(t);
            profiles.add(new Profile(g, Set.copyOf(g.techniques()), withParents, profileWeight));
        });
        profiles.sort(Comparator.comparing(p -> p.group().id()));
    }

    /** How telling a technique is: {@code ln(1 + N / n)} as above. */
    double weight(String canonicalId) {
        return weights.getOrDefault(canonicalId, unusedWeight);
    }

    List<Resemblance> resembles(Collection<String> techniqueIdsOrTags, int max) {
        if (max <= 0) return List.of();
        List<String> chain = chainOf(techniqueIdsOrTags);
        double chainWeight = 0;
        for (String c : chain) chainWeight += weight(c);
        List<Resemblance> out = new ArrayList<>();
        for (Profile p : profiles) {
            Set<String> shared = new TreeSet<>();
            double sharedWeight = 0;
            for (String c : chain) {
                String match = matchIn(p, c);
                if (match != null) {
                    shared.add(match);
                    sharedWeight += weight(match);
                }
            }
            if (shared.size() < MIN_SHARED) continue;
            double unseen = Math.max(0, p.weight() - sharedWeight);
            double score = sharedWeight / (chainWeight + EVIDENCE_FLOOR + UNSEEN_SHARE * unseen);
            out.add(new Resemblance(p.group().id(), p.group().name(), score, List.copyOf(shared)));
        }
        out.sort(STRONGEST_FIRST);
        return out.size() > max ? List.copyOf(out.subList(0, max)) : List.copyOf(out);
    }

    /**
     * The chain's known techniques, canonical, distinct and sorted; a parent named beside one of its
     * own sub-techniques is dropped, since the sub-technique already says it (and more precisely).
     */
    List<String> chainOf(Collection<String> techniqueIdsOrTags) {
        Set<String> ids = new TreeSet<>();
        for (String s : techniqueIdsOrTags) {
            TechniqueIds.normalise(s).filter(techniques::containsKey).ifPresent(ids::add);
        }
        Set<String> parentsOfSubs = new HashSet<>();
        for (String id : ids) {
            if (TechniqueIds.isSubTechnique(id)) parentsOfSubs.add(TechniqueIds.parentOf(id));
        }
        ids.removeAll(parentsOfSubs);
        return List.copyOf(ids);
    }

    /** The id at which the group and the chain technique meet, or null when they don't. */
    private static String matchIn(Profile p, String chainTechnique) {
        if (p.uses().contains(chainTechnique)) return chainTechnique;
        if (TechniqueIds.isSubTechnique(chainTechnique)) {
            String parent = TechniqueIds.parentOf(chainTechnique);
            return p.uses().contains(parent) ? parent : null;
        }
        return p.usesWithParents().contains(chainTechnique) ? chainTechnique : null;
    }
}
