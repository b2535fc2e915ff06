package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How rules meet events, as data: field name mappings (optionally only for rules of some
 * logsource), values for {@code %placeholders%} used with the {@code expand} modifier, and
 * logsource equivalences. Immutable. The file format is documented in {@code docs/sigma-engine.md}.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.parse("exchange.yml", text).then(Pipeline.parse("site.yml", siteText));
 * }</pre>
 */
public final class Pipeline {

    private static final Pipeline NONE = new Pipeline(List.of());

    private final List<PipelineStage> stages;

    private Pipeline(List<PipelineStage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** No mapping, no placeholders, no equivalences: rules see events as they are. */
    public static Pipeline none() {
        return NONE;
    }

    /**
     * Reads a pipeline file.
     *
     * @throws IllegalArgumentException {@code "source:line: reason"} when the text is not a valid pipeline
     */
    public static Pipeline parse(String sourceName, String yaml) {
        return new Pipeline(List.of(PipelineReader.read(sourceName, yaml)));
    }

    /** A pipeline that applies this one, then {@code next}: fields are mapped by this, then the result by next. */
    public Pipeline then(Pipeline next) {
        List<PipelineStage> all = new ArrayList<>(stages);
        all.addAll(next.stages);
        return new Pipeline(all);
    }

    /** The event fields a rule field stands for, after every stage; never empty. */
    List<String> mapField(String ruleField, Logsource ruleLogsource) {
        List<String> names = List.of(ruleField);
        for (PipelineStage stage : stages) {
            Set<String> next = new LinkedHashSet<>();
            for (String n : names) {
                next.addAll(stage.mapField(n, ruleLogsource));
            }
            names = List.copyOf(next);
        }
        return names;
    }

    /** Values of a placeholder; a later stage overrides an earlier one. Null when unknown. */
    List<String> placeholder(String name) {
        for (int i = stages.size() - 1; i >= 0; i--) {
            List<String> v = stages.get(i).placeholders().get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * The logsources a rule written for {@code rule} also stands for: itself, plus every alias
     * whose {@code rule} part it satisfies. An alias renames the parts it names in {@code as};
     * parts named only in the match are dropped, other parts are kept.
     */
    List<Logsource> ruleSources(Logsource rule) {
        Map<Logsource, Boolean> out = new LinkedHashMap<>();
        out.put(rule, true);
        for (PipelineStage stage : stages) {
            for (Logsource current : List.copyOf(out.keySet())) {
                for (PipelineStage.LogsourceAlias alias : stage.logsources()) {
                    if (alias.match().appliesTo(current)) {
                        for (Logsource as : alias.as()) {
                            out.put(rename(current, alias.match(), as), true);
                        }
                    }
                }
            }
        }
        return List.copyOf(out.keySet());
    }

    private static Logsource rename(Logsource current, Logsource match, Logsource as) {
        return new Logsource(
                part(current.product(), match.product(), as.product()),
                part(current.category(), match.category(), as.category()),
                part(current.service(), match.service(), as.service()));
    }

    private static String part(String current, String matched, String replacement) {
        if (replacement != null) {
            return replacement;
        }
        return matched != null ? null : current;
    }
}
