package org.exhunt.sigma;

import java.util.List;
import java.util.Map;

/**
 * One pipeline file's content. Field mappings are tried in order; the first whose logsource
 * condition holds for the rule and that names the field decides. Field keys are lower-cased
 * because Sigma field names are compared case-insensitively.
 */
record PipelineStage(String name, List<FieldMapping> fieldMappings, Map<String, List<String>> placeholders,
                     List<LogsourceAlias> logsources) {

    /** {@code rule field → event fields}, applying only to rules whose logsource satisfies {@code when} (null: all). */
    record FieldMapping(Logsource when, Map<String, List<String>> fields) { }

    /** Rules whose logsource satisfies {@code match} also apply to events of each {@code as} logsource. */
    record LogsourceAlias(Logsource match, List<Logsource> as) { }

    List<String> mapField(String field, Logsource ruleLogsource) {
        String key = field.toLowerCase(java.util.Locale.ROOT);
        for (FieldMapping m : fieldMappings) {
            if (m.when() != null && (ruleLogsource == null || !m.when().appliesTo(ruleLogsource))) {
                continue;
            }
            List<String> target = m.fields().get(key);
            if (target != null) {
                return target;
            }
        }
        return List.of(field);
    }
}
