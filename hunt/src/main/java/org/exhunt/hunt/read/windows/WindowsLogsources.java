package org.exhunt.hunt.read.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.exhunt.sigma.Logsource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Which Sigma logsource a Windows event satisfies, decided by its channel (or, for exports that
 * carry no channel, its provider), its event ID and, where one event ID covers several kinds of
 * activity, one of its fields. The mapping is data: {@code rules/logsources/windows.yml}, whose
 * header comment documents the format. Immutable and thread-safe.
 */
public final class WindowsLogsources {

    static final String BUILT_IN = "exhunt-rules/logsources/windows.yml";

    private static final Set<String> TOP_KEYS = Set.of("product", "channels");
    private static final Set<String> CHANNEL_KEYS = Set.of("channel", "providers", "service", "events");
    private static final Set<String> EVENT_KEYS = Set.of("id", "where", "category", "fields");

    private final Map<String, Channel> byChannel;
    private final Map<String, Channel> byProvider;
    private final ChannelMapping unknown;

    /** One event rule: event IDs it covers, an optional field condition, and what it maps to. */
    private record EventRule(Map<String, List<String>> where, ChannelMapping mapping) {
        boolean holds(FieldTable fields) {
            for (Map.Entry<String, List<String>> w : where.entrySet()) {
                int i = fields.indexOf(w.getKey());
                Object v = i < 0 ? null : fields.value(i);
                if (v == null) return false;
                String text = v.toString();
                boolean any = false;
                for (String wanted : w.getValue()) any |= wanted.equalsIgnoreCase(text);
                if (!any) return false;
            }
            return true;
        }
    }

    private record Channel(ChannelMapping fallback, Map<Long, List<EventRule>> events) { }

    private WindowsLogsources(Map<String, Channel> byChannel, Map<String, Channel> byProvider, ChannelMapping unknown) {
        this.byChannel = byChannel;
        this.byProvider = byProvider;
        this.unknown = unknown;
    }

    /** The mapping that ships with exhunt ({@code rules/logsources/windows.yml}), read once. */
    public static WindowsLogsources builtIn() {
        return BuiltIn.MAPPING;
    }

    private static final class BuiltIn {
        static final WindowsLogsources MAPPING = load();

        private static WindowsLogsources load() {
            try (InputStream in = WindowsLogsources.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in Windows logsource mapping " + BUILT_IN
                            + " is missing from the class path (packaging error)");
                }
                return parse("builtin:logsources/windows.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUILT_IN + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Reads a mapping file.
     *
     * @throws IllegalArgumentException {@code "source: where in the file: what is wrong"}
     */
    public static WindowsLogsources parse(String source, String yaml) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        Map<String, Object> top = map(doc, source, "the file");
        checkKeys(top, TOP_KEYS, source, "the file");
        String product = top.get("product") == null ? "windows" : text(top.get("product"), source, "product");
        Map<String, Channel> byChannel = new HashMap<>();
        Map<String, Channel> byProvider = new HashMap<>();
        List<?> channels = list(top.get("channels"), source, "channels");
        for (int c = 0; c < channels.size(); c++) {
            String where = "channels[" + c + "]";
            Map<String, Object> ch = map(channels.get(c), source, where);
            checkKeys(ch, CHANNEL_KEYS, source, where);
            String service = ch.get("service") == null ? null : text(ch.get("service"), source, where + ".service");
            ChannelMapping fallback = new ChannelMapping(new Logsource(product, null, service), List.of());
            Map<Long, List<EventRule>> events = new HashMap<>();
            List<?> rules = ch.get("events") == null ? List.of() : list(ch.get("events"), source, where + ".events");
            for (int e = 0; e < rules.size(); e++) {
                String at = where + ".events[" + e + "]";
                Map<String, Object> rule = map(rules.get(e), source, at);
                checkKeys(rule, EVENT_KEYS, source, at);
                EventRule parsed = eventRule(rule, product, service, source, at);
                for (Object id : texts(rule.get("id"), source, at + ".id")) {
                    long n;
                    try {
                        n = Long.parseLong(id.toString().trim());
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException(source + ": " + at + ".id: '" + id + "' is not an event ID number");
                    }
                    events.computeIfAbsent(n, k -> new ArrayList<>()).add(parsed);
                }
            }
            Channel channel = new Channel(fallback, events);
            List<String> names = texts(ch.get("channel"), source, where + ".channel");
            if (names.isEmpty()) throw new IllegalArgumentException(source + ": " + where + ": names no channel");
            for (String name : names) {
                if (byChannel.put(name.toLowerCase(Locale.ROOT), channel) != null) {
                    throw new IllegalArgumentException(source + ": " + where + ": channel '" + name + "' is mapped twice");
                }
            }
            if (ch.get("providers") != null) {
                for (String p : texts(ch.get("providers"), source, where + ".providers")) {
                    byProvider.putIfAbsent(p.toLowerCase(Locale.ROOT), channel);
                }
            }
        }
        return new WindowsLogsources(byChannel, byProvider,
                new ChannelMapping(new Logsource(product, null, null), List.of()));
    }

    private static EventRule eventRule(Map<String, Object> rule, String product, String service, String source, String at) {
        String category = rule.get("category") == null ? null : text(rule.get("category"), source, at + ".category");
        Map<String, List<String>> where = new LinkedHashMap<>();
        if (rule.get("where") != null) {
            map(rule.get("where"), source, at + ".where").forEach((k, v) -> where.put(k, texts(v, source, at + ".where." + k)));
        }
        List<String[]> aliases = new ArrayList<>();
        if (rule.get("fields") != null) {
            map(rule.get("fields"), source, at + ".fields").forEach((ruleName, eventField) ->
                    aliases.add(new String[] {ruleName, text(eventField, source, at + ".fields." + ruleName)}));
        }
        return new EventRule(where, new ChannelMapping(new Logsource(product, category, service), aliases));
    }

    /**
     * The mapping for an event with these System values; an event of a channel the file does not
     * name satisfies only {@code product: windows}, so no rule written for a service or category
     * ever sees it.
     */
    ChannelMapping resolve(Object channel, Object provider, Object eventId, FieldTable fields) {
        Channel ch = null;
        if (channel != null) {
            ch = byChannel.get(channel.toString().toLowerCase(Locale.ROOT));
        } else if (provider != null) {
            // Some exports drop the channel; the provider then names the log it writes to.
            ch = byProvider.get(provider.toString().toLowerCase(Locale.ROOT));
        }
        if (ch == null) return unknown;
        long id = eventIdOf(eventId);
        if (id >= 0 && !ch.events().isEmpty()) {
            List<EventRule> rules = ch.events().get(id);
            if (rules != null) {
                for (EventRule r : rules) {
                    if (r.holds(fields)) return r.mapping();
                }
            }
        }
        return ch.fallback();
    }

    /** The logsource of an event, for callers outside the reader (tests, adapters). */
    public Logsource logsourceOf(String channel, String provider, long eventId) {
        return resolve(channel, provider, eventId, new FieldTable(false)).logsource();
    }

    static long eventIdOf(Object v) {
        if (v instanceof Number n) return n.longValue();
        if (v instanceof String s) {
            String t = s.trim();
            if (t.isEmpty() || t.length() > 12) return -1;
            long n = 0;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') return -1;
                n = n * 10 + (c - '0');
            }
            return n;
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String source, String where) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(source + ": " + where + ": expected a mapping, found "
                    + (o == null ? "nothing" : o.getClass().getSimpleName()));
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                throw new IllegalArgumentException(source + ": " + where + ": key '" + k + "' is not a name");
            }
        }
        return (Map<String, Object>) m;
    }

    private static List<?> list(Object o, String source, String where) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException(source + ": " + where + ": expected a list, found "
                    + (o == null ? "nothing" : o.getClass().getSimpleName()));
        }
        return l;
    }

    private static String text(Object o, String source, String where) {
        if (o instanceof String || o instanceof Number) return o.toString();
        throw new IllegalArgumentException(source + ": " + where + ": expected a name or number, found "
                + (o == null ? "nothing" : o.getClass().getSimpleName()));
    }

    /** One text, or a list of them. */
    private static List<String> texts(Object o, String source, String where) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) out.add(text(l.get(i), source, where + "[" + i + "]"));
        } else {
            out.add(text(o, source, where));
        }
        return out;
    }

    private static void checkKeys(Map<String, Object> m, Set<String> allowed, String source, String where) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(source + ": " + where + ": unknown key '" + k
                        + "'; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }
}
