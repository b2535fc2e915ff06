package org.exhunt.hunt.intel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Reads STIX 2.1 bundles: every {@code indicator} object whose {@code pattern_type} is
 * {@code stix} gives the single values of its pattern (see {@link StixPattern}). The feed is
 * titled after the bundle's first {@code report} object when there is one, else after its file.
 * Revoked indicators are skipped and counted; other objects (identities, relationships, malware)
 * carry no values to match and are passed over.
 */
final class StixFeedReader {

    private StixFeedReader() {
    }

    /** Whether a JSON document is a STIX bundle (or a bare array of STIX objects). */
    static boolean recognises(JsonNode root) {
        if (root.isObject()) {
            return "bundle".equals(root.path("type").asText()) || root.path("objects").isArray()
                    || "indicator".equals(root.path("type").asText());
        }
        return root.isArray() && root.size() > 0 && root.get(0).path("type").isTextual()
                && root.get(0).path("id").asText().contains("--");
    }

    static Feed read(String source, JsonNode root) {
        FeedDraft draft = new FeedDraft(source, "STIX 2.1");
        JsonNode objects;
        if (root.isArray()) objects = root;
        else if ("indicator".equals(root.path("type").asText())) objects = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(root);
        else objects = root.path("objects");
        if (!objects.isArray()) {
            draft.problem(0, "'objects' of the bundle is " + objects.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", expected an array of STIX objects");
            return draft.build();
        }
        for (JsonNode o : objects) {
            if ("report".equals(o.path("type").asText()) && o.path("name").isTextual()) {
                draft.title(o.path("name").asText());
                break;
            }
        }
        for (int i = 0; i < objects.size(); i++) {
            JsonNode o = objects.get(i);
            if (!o.isObject()) {
                draft.problem(0, "objects[" + i + "] is " + o.getNodeType().name().toLowerCase(Locale.ROOT)
                        + ", expected a STIX object");
                continue;
            }
            if (!"indicator".equals(o.path("type").asText())) continue;
            indicator(draft, o, "objects[" + i + "] " + o.path("id").asText("(no id)"));
        }
        return draft.build();
    }

    private static void indicator(FeedDraft draft, JsonNode o, String where) {
        if (o.path("revoked").asBoolean(false)) {
            draft.skip(0, where, "revoked indicators are not used");
            return;
        }
        String patternType = o.path("pattern_type").asText("stix");
        if (!patternType.equalsIgnoreCase("stix")) {
            draft.skip(0, where, "indicators with pattern_type '" + patternType + "' are not used (only 'stix' patterns)");
            return;
        }
        JsonNode pattern = o.path("pattern");
        if (!pattern.isTextual()) {
            draft.problem(0, where + ": 'pattern' is " + pattern.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", expected a string such as \"[ipv4-addr:value = '203.0.113.7']\"");
            return;
        }
        StixPattern.Parsed parsed = StixPattern.parse(pattern.asText());
        if (parsed.error() != null) {
            draft.problem(0, where + ": pattern " + PlainListReader.shorten(pattern.asText()) + ": " + parsed.error());
            return;
        }
        String description = describe(o);
        String reference = reference(o);
        for (StixPattern.Comparison c : parsed.comparisons()) {
            Kind kind = StixPattern.kindOf(c.path());
            if (kind == null) {
                draft.skip(0, where, "object path " + c.path() + " names nothing exhunt matches");
                continue;
            }
            if (c.operator().equals("ISSUBSET") || (kind == Kind.IP && c.value().indexOf('/') > 0)) {
                if (kind != Kind.IP) {
                    draft.problem(0, where + ": ISSUBSET on " + c.path() + " is not used (only on addresses)");
                    continue;
                }
                kind = Kind.CIDR;
            }
            draft.add(kind, c.value(), description, reference, 0, where);
        }
    }

    private static String describe(JsonNode o) {
        String name = o.path("name").asText("");
        String description = o.path("description").asText("");
        if (name.isEmpty()) return description;
        return description.isEmpty() ? name : name + ": " + description;
    }

    private static String reference(JsonNode o) {
        for (JsonNode ref : o.path("external_references")) {
            if (ref.path("url").isTextual()) return ref.path("url").asText();
        }
        return "";
    }
}
