package org.exhunt.hunt.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one client address did, summed up: the first cut of an attack chain.
 *
 * @param actor    the client address, or {@code null} for findings that name none (files found on disk)
 * @param first    the earliest finding time, or {@code null}
 * @param last     the latest finding time, or {@code null}
 * @param findings how many findings belong to this address
 * @param levels   findings per level word, most severe first, only levels that occur
 * @param tactics  ATT&CK tactics named by the rules' tags ({@code initial-access}, …), sorted
 * @param cves     CVEs named by the rules' tags ({@code CVE-2021-26855}), sorted
 * @param rules    the rules that matched, with how often
 */
public record ActorChain(String actor, Instant first, Instant last, long findings, Map<String, Long> levels,
                         List<String> tactics, List<String> cves, List<RuleCount> rules) {
    public ActorChain {
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        tactics = List.copyOf(tactics);
        cves = List.copyOf(cves);
        rules = List.copyOf(rules);
    }

    /** One rule within a chain and how many findings it produced there. */
    public record RuleCount(String id, String title, String level, long count) {
    }
}
