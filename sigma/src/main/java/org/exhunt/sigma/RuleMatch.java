package org.exhunt.sigma;

import java.util.Map;

/**
 * A rule that matched an event.
 *
 * @param fields the event's values of the fields the rule's detection names (after field
 *               mapping), in the order the rule names them; fields the event lacks are left out
 */
public record RuleMatch(SigmaRule rule, SigmaEvent event, Map<String, Object> fields) {
}
