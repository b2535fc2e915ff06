package org.exhunt.hunt.scan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.RuleMatch;
import org.exhunt.sigma.SigmaRule;

/**
 * Turns the Sigma engine's matches into findings.
 *
 * <p>Besides the fields that made the rule match, a finding keeps a few correlation keys of its
 * event when the event has them and the rule did not already name them: the request path, method
 * and status of a web request, the image, process ids, target file and command line of a process
 * event, the message of an Exchange service log line, and, for rules of keywords only, the event's
 * free-text payloads. They are stored in {@code matched} under the prefix {@value #CONTEXT_PREFIX} (e.g.
 * {@code context.ProcessId}), so a reader can always tell them from the matching fields; the
 * attack chains need them to tie findings of different rules together (docs/report-schema.md).
 */
final class SigmaFindings {

    /** Marks a {@code matched} key as a correlation key of the event rather than a matching field. */
    static final String CONTEXT_PREFIX = "context.";

    /**
     * Event fields kept for correlation: web requests (with the server's own address and port, which
     * tell a request the server relayed to itself), process and file events, and the message of an
     * Exchange service log line (the OAB generator names there the file it wrote).
     */
    private static final List<String> CONTEXT_FIELDS = List.of(
            "cs-uri-stem", "cs-method", "sc-status", "s-ip", "s-port",
            "Computer", "Image", "ParentImage", "ProcessId", "ParentProcessId", "NewProcessId",
            "TargetFilename", "CommandLine", "Message");

    /**
     * A rule of keywords only matches no field, so the finding would show nothing of what it saw:
     * for those, the event's free-text payloads are kept too (the cmdlet and its parameters of an
     * {@code MSExchange Management} event, a PowerShell script block), cut to a readable length.
     */
    private static final List<String> KEYWORD_CONTEXT_FIELDS = List.of(
            "param1", "param2", "param3", "Data", "ScriptBlockText", "Payload", "ContextInfo");
    private static final int MAX_KEYWORD_CONTEXT_CHARS = 4096;
    /** The prefixed names, made once: every finding would otherwise hold its own copy of each. */
    private static final List<String> CONTEXT_KEYS = prefixed(CONTEXT_FIELDS);
    private static final List<String> KEYWORD_CONTEXT_KEYS = prefixed(KEYWORD_CONTEXT_FIELDS);

    private static List<String> prefixed(List<String> names) {
        return names.stream().map(n -> CONTEXT_PREFIX + n).toList();
    }

    private SigmaFindings() {
    }

    static RuleRef ref(SigmaRule rule) {
        String id = rule.id() != null ? rule.id() : rule.source() + ":" + rule.line();
        return new RuleRef(id, rule.title(), Level.parse(rule.level()), rule.tags());
    }

    static Finding of(RuleMatch match, LogEvent event) {
        return new Finding(ref(match.rule()), "sigma", event.timestamp(), event.source(),
                withContext(match.fields(), event), Actors.of(event));
    }

    private static Map<String, Object> withContext(Map<String, Object> fields, LogEvent event) {
        Map<String, Object> matched = null;
        for (int i = 0; i < CONTEXT_FIELDS.size(); i++) {
            String name = CONTEXT_FIELDS.get(i);
            if (fields.containsKey(name)) continue;
            Object value = event.get(name);
            if (value == null) continue;
            String text = value.toString();
            if (text.isBlank() || text.equals("-")) continue;
            if (matched == null) matched = new LinkedHashMap<>(fields);
            matched.put(CONTEXT_KEYS.get(i), text);
        }
        if (fields.isEmpty()) {
            for (int i = 0; i < KEYWORD_CONTEXT_FIELDS.size(); i++) {
                String name = KEYWORD_CONTEXT_FIELDS.get(i);
                Object value = event.get(name);
                if (value == null) continue;
                String text = value.toString();
                if (text.isBlank()) continue;
                if (text.length() > MAX_KEYWORD_CONTEXT_CHARS) text = text.substring(0, MAX_KEYWORD_CONTEXT_CHARS) + "…";
                if (matched == null) matched = new LinkedHashMap<>(fields);
                matched.put(KEYWORD_CONTEXT_KEYS.get(i), text);
            }
        }
        return matched == null ? fields : matched;
    }

    /** A correlation's finding points at its first contributing event. */
    static Finding of(CorrelationMatch match) {
        var rule = match.rule();
        String id = rule.id() != null ? rule.id() : rule.source() + ":" + rule.line();
        RuleRef ref = new RuleRef(id, rule.title(), Level.parse(rule.level()), rule.tags());
        Map<String, Object> matched = new LinkedHashMap<>(match.groupValues());
        matched.put("correlation.type", rule.type().toString());
        matched.put("correlation.value", match.valueText());
        matched.put("correlation.events", match.matchCount() + match.innerMatchCount());
        var all = match.allMatches();
        var first = all.isEmpty() ? null : all.get(0);
        LogEvent event = first != null && first.event() instanceof LogEvent le ? le : null;
        return new Finding(ref, "sigma", match.first(),
                event != null ? event.source() : null, matched,
                event != null ? Actors.of(event) : org.exhunt.hunt.finding.Actor.UNKNOWN);
    }
}
