package org.exhunt.hunt.attack;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.exhunt.hunt.pack.BuiltInRules;

/**
 * ATT&CK Enterprise facts the report needs: technique and tactic names, the matrix order of
 * tactics, group profiles, and which groups a chain of techniques resembles.
 *
 * <p>Technique ids are accepted as {@code T1505.003}, {@code t1505.003} or in Sigma tag form
 * {@code attack.t1505.003}; tactics as {@code initial-access} or {@code attack.initial-access}.
 * Instances are immutable and safe to share between threads.
 */
public final class AttackCatalog {

    private final Map<String, String> tacticNames;
    private final Map<String, Technique> techniques;
    private final Map<String, Group> groups;
    private final ResemblanceScorer scorer;
    private final String version;

    AttackCatalog(String version, Map<String, String> tacticNames, Map<String, Technique> techniques,
            Map<String, Group> groups) {
        this.version = version;
        this.tacticNames = Map.copyOf(tacticNames);
        this.techniques = Map.copyOf(techniques);
        this.groups = Map.copyOf(groups);
        this.scorer = new ResemblanceScorer(this.techniques, this.groups.values());
    }

    /** The catalog carried in the rule pack ({@code rules/attack/}), read on first use. */
    public static AttackCatalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /** Reads the three carried files' texts; the names appear in error messages. */
    static AttackCatalog read(String tacticsText, String techniquesText, String groupsText) {
        Map<String, String> tactics = AttackDataFiles.tactics(AttackDataFiles.TACTICS, tacticsText);
        Map<String, Technique> techniques =
                AttackDataFiles.techniques(AttackDataFiles.TECHNIQUES, techniquesText, tactics);
        Map<String, Group> groups = AttackDataFiles.groups(AttackDataFiles.GROUPS, groupsText, techniques);
        return new AttackCatalog(AttackDataFiles.release(techniquesText), tactics, techniques, groups);
    }

    /**
     * The ATT&CK Enterprise release the facts come from ({@code 18.1}), empty if the files don't say.
     * Whatever shows ATT&CK names should credit them: "MITRE ATT&CK® Enterprise v18.1, © The MITRE Corporation".
     */
    public String version() {
        return version;
    }

    /** The technique's name ({@code Web Shell} for {@code T1505.003}), or empty when ATT&CK has no such technique. */
    public Optional<String> techniqueName(String idOrTag) {
        return technique(idOrTag).map(Technique::name);
    }

    /**
     * The name as ATT&CK shows it in full: a sub-technique after its parent
     * ({@code Server Software Component: Web Shell} for {@code T1505.003}), a technique as
     * {@link #techniqueName}; empty when unknown.
     */
    public Optional<String> fullTechniqueName(String idOrTag) {
        return technique(idOrTag).map(t -> {
            if (!TechniqueIds.isSubTechnique(t.id())) return t.name();
            Technique parent = techniques.get(TechniqueIds.parentOf(t.id()));
            return parent == null ? t.name() : parent.name() + ": " + t.name();
        });
    }

    /** Whether ATT&CK (at the carried version) has this technique, revoked and deprecated ones excluded. */
    public boolean isKnownTechnique(String idOrTag) {
        return technique(idOrTag).isPresent();
    }

    /** The tactics (short names, e.g. {@code persistence}) the technique serves, in matrix order; empty when unknown. */
    public List<String> tacticsOf(String idOrTag) {
        return technique(idOrTag)
                .map(t -> t.tactics().stream().sorted(Comparator.comparingInt(Tactics::order)).toList())
                .orElse(List.of());
    }

    /**
     * The tactic's display name ({@code Initial Access} for {@code initial-access} or
     * {@code attack.initial-access}); a name ATT&CK doesn't know comes back as given.
     */
    public String tacticName(String shortNameOrTag) {
        if (shortNameOrTag == null) return "";
        String key = Tactics.shortName(shortNameOrTag);
        return tacticNames.getOrDefault(key, shortNameOrTag);
    }

    /** The group with this id ({@code G0125}, any case), or empty. */
    public Optional<Group> group(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(groups.get(id.strip().toUpperCase(Locale.ROOT)));
    }

    /** Every group, sorted by id. */
    public List<Group> groups() {
        return groups.values().stream().sorted(Comparator.comparing(Group::id)).toList();
    }

    /**
     * The groups whose documented techniques overlap the chain's most: at most {@code max}, strongest
     * first, then by group id. Only groups sharing at least two distinct techniques appear.
     *
     * <p>The score is the rarity-weighted share of the chain's techniques the group is known to use:
     * each technique weighs {@code ln(1 + N/n)} where {@code n} of the {@code N} profiled groups use
     * it (a sub-technique's use counts for its parent), and the sum shared is divided by the chain's
     * sum plus a floor of 4 (about two typical techniques), so the score stays below 1 and a short
     * chain cannot score high, plus one fiftieth of the weight of the group's techniques the chain
     * does not show, so a group documented doing nearly everything ranks below a narrower group
     * explaining the same chain. A chain's sub-technique matches a group known only for its parent
     * (shared id: the parent, with the parent's lighter weight); a chain's parent matches a group
     * using any of its sub-techniques. Unknown ids and non-technique tags are ignored.
     *
     * <p>This is resemblance, never attribution: many groups use the same techniques against
     * Exchange, and ATT&CK lists only what public reporting documents.
     *
     * @param techniqueIdsOrTags technique ids or Sigma tags of the chain's findings
     * @param max                how many groups to return at most
     */
    public List<Resemblance> resembles(Collection<String> techniqueIdsOrTags, int max) {
        return scorer.resembles(techniqueIdsOrTags, max);
    }

    /**
     * The technique ids among Sigma-style tags ({@code attack.t1505.003} → {@code T1505.003}), canonical,
     * distinct and sorted; tactic, CVE and other tags are left out.
     */
    public static List<String> techniquesOf(Collection<String> tags) {
        TreeSet<String> ids = new TreeSet<>();
        for (String tag : tags) TechniqueIds.normalise(tag).ifPresent(ids::add);
        return List.copyOf(ids);
    }

    /** The canonical form of a technique id or tag ({@code attack.t1505.003} → {@code T1505.003}), or empty. */
    public static Optional<String> techniqueId(String idOrTag) {
        return TechniqueIds.normalise(idOrTag);
    }

    /**
     * The tactic's place in the Enterprise matrix, left to right ({@code reconnaissance} 0 …
     * {@code impact} 13), for ordering stages; accepts tag form, unknown names sort last (14).
     */
    public static int tacticOrder(String shortNameOrTag) {
        return Tactics.order(shortNameOrTag);
    }

    ResemblanceScorer scorer() {
        return scorer;
    }

    /** Every technique id the catalog knows, canonical. */
    Set<String> techniqueIds() {
        return techniques.keySet();
    }

    private Optional<Technique> technique(String idOrTag) {
        return TechniqueIds.normalise(idOrTag).map(techniques::get);
    }

    /** Holder idiom: the class loader reads the pack once, on first use, thread-safely. */
    private static final class BuiltIn {
        static final AttackCatalog CATALOG = read(
                required(AttackDataFiles.TACTICS), required(AttackDataFiles.TECHNIQUES), required(AttackDataFiles.GROUPS));

        private static String required(String name) {
            String text = BuiltInRules.text(name);
            if (text == null) {
                throw new IllegalStateException("the rule pack lacks exhunt-rules/" + name
                        + "; the build should package rules/" + name + " from the repository");
            }
            return text;
        }
    }
}
