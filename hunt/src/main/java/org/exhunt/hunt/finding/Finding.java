package org.exhunt.hunt.finding;

import java.time.Instant;
import java.util.Map;
import org.exhunt.hunt.event.SourceRef;

/**
 * One thing a rule found in the evidence.
 *
 * @param engine  which engine produced it: {@code sigma}, {@code yara}, {@code ioc} or {@code exhunt}
 * @param time    when the evidence says it happened (UTC), or {@code null}
 * @param matched the fields (or strings) that made the rule match, by name
 */
public record Finding(RuleRef rule, String engine, Instant time, SourceRef source,
                      Map<String, Object> matched, Actor actor) {
    public Finding {
        // Values may be null (a field present but empty), and order is the rule's order.
        matched = MatchedFields.copyOf(matched);
    }

    public Level level() {
        return rule.level();
    }
}
