package org.exhunt.hunt.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhunt.hunt.read.CorpusFiles;

/**
 * Writes {@code rules/attack/*.tab} from MITRE's ATT&CK Enterprise STIX 2.1 bundle, so the product
 * carries the few facts it needs without the 13 MB bundle.
 *
 * <p>Kept: tactics, techniques and sub-techniques (id, name, tactics), and every group with the
 * techniques ATT&CK records the group itself using. Left out: revoked and deprecated objects, and
 * the techniques of the software a group uses. A tool's ATT&CK entry lists what the tool can do in
 * anyone's hands; adding it would give every Cobalt Strike or Impacket user dozens of techniques it
 * was never seen using, and would flatten the rarity weights that make a resemblance telling.
 *
 * <p>Run {@code main} with the bundle and the output folder, or run
 * {@code CarriedAttackDataMatchesTheBundleTest} with {@code -Dexhunt.attack.regenerate=true}.
 */
public final class AttackDataGenerator {

    /** The release the carried files come from (the slim bundle carries no collection object naming it). */
    static final String ATTACK_VERSION = "18.1";
    /** Where the bundle lies in the shared test corpus. */
    static final String CORPUS_BUNDLE = "attack/enterprise-attack-slim.json";

    private static final String ATTRIBUTION =
            "# \u00a9 2025 The MITRE Corporation. This work is reproduced and distributed with the permission of"
            + " The MITRE Corporation.\n"
            + "# ATT&CK\u00ae terms of use: https://attack.mitre.org/resources/legal-and-branding/terms-of-use/\n"
            + "# Generated from the ATT&CK Enterprise STIX 2.1 bundle by"
            + " hunt/src/test/java/org/exhunt/hunt/attack/AttackDataGenerator.java;\n"
            + "# do not edit by hand: docs/attack.md says how to regenerate.\n";

    private AttackDataGenerator() {
    }

    /** The three files' texts, keyed by file name under {@code rules/attack/}, in writing order. */
    static Map<String, String> generate(Path bundle) throws IOException {
        JsonNode objects = new ObjectMapper().readTree(bundle.toFile()).path("objects");
        if (!objects.isArray() || objects.isEmpty()) {
            throw new IOException(bundle + ": expected a STIX bundle with an 'objects' array");
        }
        Map<String, JsonNode> byStixId = new HashMap<>();
        for (JsonNode o : objects) {
            if (isCurrent(o)) byStixId.put(o.path("id").asText(), o);
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("tactics.tab", tactics(byStixId));
        out.put("techniques.tab", techniques(byStixId));
        out.put("groups.tab", groups(objects, byStixId));
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path bundle = args.length > 0 ? Path.of(args[0]) : CorpusFiles.root().resolve(CORPUS_BUNDLE);
        Path outDir = args.length > 1 ? Path.of(args[1]) : RepositoryFiles.attackFolder();
        write(bundle, outDir);
    }

    static void write(Path bundle, Path outDir) throws IOException {
        if (!Files.isRegularFile(bundle)) throw new IOException("ATT&CK bundle not found: " + bundle);
        Files.createDirectories(outDir);
        for (Map.Entry<String, String> e : generate(bundle).entrySet()) {
            Files.writeString(outDir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + outDir.resolve(e.getKey()));
        }
    }

    private static String tactics(Map<String, JsonNode> byStixId) {
        TreeMap<Integer, String> rows = new TreeMap<>();
        for (JsonNode o : byStixId.values()) {
            if (!"x-mitre-tactic".equals(o.path("type").asText())) continue;
            String shortName = o.path("x_mitre_shortname").asText();
            int order = AttackCatalog.tacticOrder(shortName);
            if (order >= Tactics.MATRIX_ORDER.size()) {
                throw new IllegalStateException("the bundle has a tactic the matrix order does not know: " + shortName
                        + "; add it to Tactics.MATRIX_ORDER");
            }
            rows.put(order, row(shortName, attackId(o), cell(o.path("name").asText())));
        }
        StringBuilder sb = new StringBuilder(header("tactics: short name, id, name, in matrix order"));
        sb.append(String.join("\t", AttackDataFiles.TACTIC_COLUMNS)).append('\n');
        rows.values().forEach(sb::append);
        return sb.toString();
    }

    private static String techniques(Map<String, JsonNode> byStixId) {
        TreeMap<String, String> rows = new TreeMap<>();
        for (JsonNode o : byStixId.values()) {
            if (!"attack-pattern".equals(o.path("type").asText())) continue;
            List<String> tactics = new ArrayList<>();
            for (JsonNode phase : o.path("kill_chain_phases")) {
                if ("mitre-attack".equals(phase.path("kill_chain_name").asText())) {
                    tactics.add(phase.path("phase_name").asText());
                }
            }
            tactics.sort(Comparator.comparingInt(AttackCatalog::tacticOrder));
            String id = attackId(o);
            rows.put(id, row(id, cell(o.path("name").asText()), String.join(",", tactics)));
        }
        StringBuilder sb = new StringBuilder(header("techniques and sub-techniques: id, name, tactics (short names)"));
        sb.append(String.join("\t", AttackDataFiles.TECHNIQUE_COLUMNS)).append('\n');
        rows.values().forEach(sb::append);
        return sb.toString();
    }

    private static String groups(JsonNode objects, Map<String, JsonNode> byStixId) {
        Map<String, TreeSet<String>> usesByGroup = new HashMap<>();
        for (JsonNode r : objects) {
            if (!"relationship".equals(r.path("type").asText()) || !isCurrent(r)) continue;
            if (!"uses".equals(r.path("relationship_type").asText())) continue;
            JsonNode source = byStixId.get(r.path("source_ref").asText());
            JsonNode target = byStixId.get(r.path("target_ref").asText());
            if (source == null || target == null) continue; // one end revoked or deprecated
            if (!"intrusion-set".equals(source.path("type").asText())) continue;
            if (!"attack-pattern".equals(target.path("type").asText())) continue;
            usesByGroup.computeIfAbsent(source.path("id").asText(), k -> new TreeSet<>()).add(attackId(target));
        }
        TreeMap<String, String> rows = new TreeMap<>();
        for (JsonNode o : byStixId.values()) {
            if (!"intrusion-set".equals(o.path("type").asText())) continue;
            String name = cell(o.path("name").asText());
            List<String> aliases = new ArrayList<>();
            for (JsonNode a : o.path("aliases")) {
                String alias = listItem(a.asText());
                if (!alias.equals(name) && !aliases.contains(alias)) aliases.add(alias);
            }
            String id = attackId(o);
            rows.put(id, row(id, name, String.join(",", aliases),
                    String.join(",", usesByGroup.getOrDefault(o.path("id").asText(), new TreeSet<>()))));
        }
        StringBuilder sb = new StringBuilder(header(
                "groups: id, name, other names, techniques ATT&CK records the group using (not via its software)"));
        sb.append(String.join("\t", AttackDataFiles.GROUP_COLUMNS)).append('\n');
        rows.values().forEach(sb::append);
        return sb.toString();
    }

    private static String header(String what) {
        return "# MITRE ATT&CK\u00ae Enterprise v" + ATTACK_VERSION + " " + what + ".\n" + ATTRIBUTION;
    }

    private static boolean isCurrent(JsonNode o) {
        return !o.path("revoked").asBoolean(false) && !o.path("x_mitre_deprecated").asBoolean(false);
    }

    /** The object's ATT&CK id (T…, G…, TA…), from its {@code mitre-attack} external reference. */
    private static String attackId(JsonNode o) {
        for (JsonNode ref : o.path("external_references")) {
            if ("mitre-attack".equals(ref.path("source_name").asText())) return ref.path("external_id").asText();
        }
        throw new IllegalStateException("no mitre-attack external id on " + o.path("id").asText());
    }

    private static String row(String... cells) {
        return String.join("\t", cells) + "\n";
    }

    /** A value for one cell: a tab or line break would break the row, so they fail loudly. */
    private static String cell(String value) {
        if (value.isBlank() || value.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
            throw new IllegalStateException("value unfit for a tab-separated cell: '" + value + "'");
        }
        return value.strip();
    }

    /** A value inside a comma-separated list cell. */
    private static String listItem(String value) {
        String v = cell(value);
        if (v.contains(",")) throw new IllegalStateException("value unfit for a comma-separated list: '" + v + "'");
        return v;
    }
}
