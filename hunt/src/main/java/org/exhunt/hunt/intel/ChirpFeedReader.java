package org.exhunt.hunt.intel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads CISA CHIRP indicator files: YAML documents with {@code name}, {@code description},
 * {@code ioc_type} and an {@code indicator} map. Only {@code network} indicators carry plain
 * values ({@code ips}, {@code domains}, {@code urls}: one per line or a list); the others are
 * YARA rules, event-log and registry queries, which are counted and left to the tools that run
 * them (YARA rules can be given to exhunt with {@code --rules} once saved as {@code .yar}).
 */
final class ChirpFeedReader {

    private ChirpFeedReader() {
    }

    /** Whether text looks like CHIRP: YAML with an {@code ioc_type:} and an {@code indicator:} key at line start. */
    static boolean recognises(String text) {
        return startsLine(text, "ioc_type:") && startsLine(text, "indicator:");
    }

    private static boolean startsLine(String text, String key) {
        return text.startsWith(key) || text.contains("\n" + key);
    }

    static Feed read(String source, String text) {
        FeedDraft draft = new FeedDraft(source, "CHIRP");
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(64 * 1024 * 1024);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        int document = 0;
        try {
            for (Object doc : yaml.loadAll(text)) {
                document++;
                if (doc == null) continue;
                if (!(doc instanceof Map<?, ?> map)) {
                    draft.problem(0, "document " + document + " is no mapping; expected name, ioc_type and indicator keys");
                    continue;
                }
                indicator(draft, map, document);
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            draft.problem(line, "document " + (document + 1) + " is not valid YAML: " + e.getProblem()
                    + (mark == null ? "" : " (line " + line + ", column " + (mark.getColumn() + 1) + ")"));
        } catch (RuntimeException e) {
            draft.problem(0, "document " + (document + 1) + " could not be read as YAML: " + e.getMessage());
        }
        return draft.build();
    }

    private static void indicator(FeedDraft draft, Map<?, ?> doc, int document) {
        String name = text(doc.get("name"));
        String where = "document " + document + (name.isEmpty() ? "" : " (" + name + ")");
        String type = text(doc.get("ioc_type")).toLowerCase(Locale.ROOT);
        Object indicator = doc.get("indicator");
        if (!(indicator instanceof Map<?, ?> values)) {
            draft.problem(0, where + ": 'indicator' is missing or no mapping");
            return;
        }
        if (!type.equals("network")) {
            draft.skip(0, where, "CHIRP indicators of type '" + type + "' are no values to match (only 'network' ones are)");
            return;
        }
        for (Map.Entry<?, ?> e : values.entrySet()) {
            String key = text(e.getKey()).toLowerCase(Locale.ROOT);
            Kind kind = switch (key) {
                case "ips", "ip", "addresses" -> Kind.IP;
                case "domains", "domain" -> Kind.DOMAIN;
                case "urls", "url" -> Kind.URL;
                default -> null;
            };
            if (kind == null) {
                draft.problem(0, where + ": network indicator '" + key + "' is not used (known: ips, domains, urls)");
                continue;
            }
            for (String v : values(e.getValue())) {
                Kind k = kind == Kind.IP && v.indexOf('/') > 0 ? Kind.CIDR : kind;
                draft.add(k, v, name, "", 0, where);
            }
        }
    }

    private static List<String> values(Object o) {
        if (o instanceof List<?> list) return list.stream().map(ChirpFeedReader::text).filter(s -> !s.isBlank()).toList();
        return java.util.Arrays.stream(text(o).split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString().trim();
    }
}
