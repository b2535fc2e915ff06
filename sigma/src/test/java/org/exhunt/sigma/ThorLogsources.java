package org.exhunt.sigma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The logsource conditions SigmaHQ's CI uses ({@code tests/thor.yml}): which EventIDs or channels
 * a rule's logsource stands for. The regression counts are taken with these conditions applied,
 * so a rule for {@code category: file_event} counts only Sysmon event 11, not every recorded event.
 */
final class ThorLogsources {

    private record Entry(String product, String category, String service, Map<String, List<String>> conditions,
                         List<String> channels) { }

    private final List<Entry> entries;

    private ThorLogsources(List<Entry> entries) {
        this.entries = entries;
    }

    @SuppressWarnings("unchecked")
    static ThorLogsources load(Path thorYml) throws IOException {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(thorYml));
        List<Entry> out = new ArrayList<>();
        for (Object v : ((Map<String, Object>) doc.get("logsources")).values()) {
            Map<String, Object> e = (Map<String, Object>) v;
            Map<String, List<String>> conditions = new java.util.LinkedHashMap<>();
            if (e.get("conditions") instanceof Map<?, ?> c) {
                c.forEach((k, val) -> conditions.put(String.valueOf(k), texts(val)));
            }
            List<String> channels = new ArrayList<>();
            for (String s : texts(e.get("sources"))) {
                channels.add(s.startsWith("WinEventLog:") ? s.substring("WinEventLog:".length()) : s);
            }
            if (conditions.isEmpty() && channels.isEmpty()) continue; // says nothing about events
            out.add(new Entry(str(e.get("product")), str(e.get("category")), str(e.get("service")), conditions, channels));
        }
        return new ThorLogsources(out);
    }

    /** Whether an event is one the rule's logsource stands for; true when the file says nothing about it. */
    boolean admits(Logsource rule, MapEvent event) {
        boolean constrained = false;
        for (Entry e : entries) {
            if (!same(e.product(), rule.product()) || !same(e.category(), rule.category())
                    || !same(e.service(), rule.service())) {
                continue;
            }
            constrained = true;
            if (satisfies(e, event)) return true;
        }
        return !constrained;
    }

    private static boolean satisfies(Entry e, MapEvent event) {
        for (Map.Entry<String, List<String>> c : e.conditions().entrySet()) {
            Object v = event.get(c.getKey());
            if (v == null || !c.getValue().contains(String.valueOf(v))) return false;
        }
        if (!e.channels().isEmpty()) {
            Object channel = event.get("Channel");
            return channel != null && e.channels().stream().anyMatch(ch -> ch.equalsIgnoreCase(String.valueOf(channel)));
        }
        return true;
    }

    /** An entry's part, when it names one, must equal the rule's. */
    private static boolean same(String entryPart, String rulePart) {
        return entryPart == null || entryPart.equalsIgnoreCase(rulePart);
    }

    private static List<String> texts(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) l.forEach(x -> out.add(String.valueOf(x)));
        else if (v != null) out.add(String.valueOf(v));
        return out;
    }

    private static String str(Object v) {
        return v == null ? null : String.valueOf(v);
    }
}
