package org.exhunt.hunt.finding;

import java.util.List;

/**
 * The rule behind a finding, as reports show it.
 *
 * @param tags Sigma-style tags: {@code attack.t1190}, {@code attack.initial-access}, {@code cve.2021-26855}
 */
public record RuleRef(String id, String title, Level level, List<String> tags) {
    public RuleRef {
        tags = List.copyOf(tags);
    }
}
