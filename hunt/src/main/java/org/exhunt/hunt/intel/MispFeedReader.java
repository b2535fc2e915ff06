package org.exhunt.hunt.intel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads MISP events ({@code {"Event": {...}}}, a bare array of them, or a REST search answer
 * {@code {"response": [...]}}): the attributes of the event and of its objects. Each event is a
 * feed of its own, titled after its {@code info}.
 *
 * <p>Attributes whose {@code to_ids} is false are skipped and counted: MISP uses that flag to say
 * a value is context (a victim's address, a legitimate service an attacker abused) and must not
 * raise alerts. Deleted attributes are skipped silently, as MISP itself hides them.
 */
final class MispFeedReader {

    private MispFeedReader() {
    }

    static boolean recognises(JsonNode root) {
        if (root.isObject()) return root.path("Event").isObject() || root.path("response").isArray();
        return root.isArray() && root.size() > 0 && root.get(0).path("Event").isObject();
    }

    static List<Feed> read(String source, JsonNode root) {
        List<JsonNode> events = new ArrayList<>();
        List<String> places = new ArrayList<>();
        if (root.isObject() && root.path("Event").isObject()) {
            events.add(root.path("Event"));
            places.add("Event");
        } else {
            JsonNode array = root.isArray() ? root : root.path("response");
            String prefix = root.isArray() ? "" : "response";
            for (int i = 0; i < array.size(); i++) {
                events.add(array.get(i).path("Event"));
                places.add(prefix + "[" + i + "].Event");
            }
        }
        List<Feed> feeds = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            FeedDraft draft = new FeedDraft(source, "MISP");
            if (events.size() > 1) draft.name(FeedDraft.listName(FeedDraft.fileName(source)) + "-" + (i + 1));
            event(draft, events.get(i), places.get(i));
            feeds.add(draft.build());
        }
        if (feeds.isEmpty()) {
            FeedDraft draft = new FeedDraft(source, "MISP");
            draft.problem(0, "the MISP answer holds no events");
            feeds.add(draft.build());
        }
        return feeds;
    }

    private static void event(FeedDraft draft, JsonNode event, String place) {
        if (!event.isObject()) {
            draft.problem(0, place + " is " + kind(event) + ", expected a MISP event object");
            return;
        }
        draft.title(event.path("info").asText(""));
        for (JsonNode tag : event.path("Tag")) {
            String name = tag.path("name").asText("");
            // Only tags already in Sigma's style make sense on findings: tlp and galaxy tags don't.
            if (name.matches("(?i)(attack\\.t\\d{4}(\\.\\d{3})?|cve\\.\\d{4}-\\d+)")) draft.tag(name);
        }
        attributes(draft, event.path("Attribute"), place + ".Attribute");
        JsonNode objects = event.path("Object");
        for (int i = 0; i < objects.size(); i++) {
            attributes(draft, objects.get(i).path("Attribute"), place + ".Object[" + i + "].Attribute");
        }
    }

    private static void attributes(FeedDraft draft, JsonNode attributes, String place) {
        if (attributes.isMissingNode() || attributes.isNull()) return;
        if (!attributes.isArray()) {
            draft.problem(0, place + " is " + kind(attributes) + ", expected an array of attributes");
            return;
        }
        for (int i = 0; i < attributes.size(); i++) {
            JsonNode a = attributes.get(i);
            String where = place + "[" + i + "]";
            if (!a.isObject()) {
                draft.problem(0, where + " is " + kind(a) + ", expected an attribute object");
                continue;
            }
            if (a.path("deleted").asBoolean(false)) continue;
            String type = a.path("type").asText("");
            JsonNode valueNode = a.path("value");
            if (!valueNode.isValueNode() || valueNode.isNull()) {
                draft.problem(0, where + ": 'value' is " + kind(valueNode) + ", expected a string");
                continue;
            }
            if (!toIds(a.path("to_ids"))) {
                draft.skip(0, where, "attributes with to_ids false are context, not detection values, and are not used");
                continue;
            }
            String comment = a.path("comment").asText("");
            String[] types = type.split("\\|", -1);
            String[] values = valueNode.asText().split("\\|", -1);
            if (types.length != values.length) {
                draft.problem(0, where + ": type '" + type + "' has " + types.length + " parts but value '"
                        + valueNode.asText() + "' has " + values.length);
                continue;
            }
            for (int k = 0; k < types.length; k++) {
                if (types[k].equals("port")) continue; // ip-dst|port: the port is no indicator
                Kind kind = TypeWords.kind(types[k]);
                if (kind == null) {
                    draft.skip(0, where, "MISP attribute type '" + types[k] + "' is not one exhunt uses");
                    continue;
                }
                if (kind == Kind.IP && values[k].indexOf('/') > 0) kind = Kind.CIDR;
                draft.add(kind, values[k], comment, "", 0, where);
            }
        }
    }

    /** MISP writes {@code to_ids} as a boolean, or as "1"/"0" in older exports; a missing flag means true. */
    private static boolean toIds(JsonNode flag) {
        if (flag.isMissingNode() || flag.isNull()) return true;
        if (flag.isBoolean()) return flag.asBoolean();
        String s = flag.asText().trim().toLowerCase(Locale.ROOT);
        return !(s.equals("0") || s.equals("false"));
    }

    private static String kind(JsonNode n) {
        return n.isMissingNode() ? "missing" : n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
