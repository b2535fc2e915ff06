package org.exhunt.hunt.scan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.RuleMatch;
import org.exhunt.sigma.SigmaRule;

/** Turns the Sigma engine's matches into findings. */
final class SigmaFindings {

    private SigmaFindings() {
    }

    static RuleRef ref(SigmaRule rule) {
        String id = rule.id() != null ? rule.id() : rule.source() + ":" + rule.line();
        return new RuleRef(id, rule.title(), Level.parse(rule.level()), rule.tags());
    }

    static Finding of(RuleMatch match, LogEvent event) {
        return new Finding(ref(match.rule()), "sigma", event.timestamp(), event.source(),
                match.fields(), Actors.of(event));
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
