package org.exhunt.hunt.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;

/**
 * Groups findings by client address into {@link ActorChain}s. Findings without an address form one
 * chain of their own (actor {@code null}) so every finding is counted somewhere.
 */
final class ActorChains {

    private ActorChains() {
    }

    /** Chains in order of most severe level, then most findings, then first seen, then address. */
    static List<ActorChain> of(List<Finding> findings) {
        Map<String, List<Finding>> byActor = new LinkedHashMap<>();
        List<Finding> anonymous = new ArrayList<>();
        for (Finding finding : findings) {
            String ip = finding.actor() == null ? null : finding.actor().ip();
            if (ip == null || ip.isBlank()) {
                anonymous.add(finding);
            } else {
                byActor.computeIfAbsent(ip, k -> new ArrayList<>()).add(finding);
            }
        }
        List<ActorChain> chains = new ArrayList<>();
        byActor.forEach((ip, group) -> chains.add(chain(ip, group)));
        chains.sort(Comparator.comparing(ActorChains::worstLevel).reversed()
                .thenComparing(Comparator.comparingLong(ActorChain::findings).reversed())
                .thenComparing(ActorChain::first, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ActorChain::actor));
        if (!anonymous.isEmpty()) {
            chains.add(chain(null, anonymous));
        }
        return chains;
    }

    private static ActorChain chain(String actor, List<Finding> group) {
        Instant first = null, last = null;
        Map<Level, Long> levels = new EnumMap<>(Level.class);
        TreeSet<String> tactics = new TreeSet<>();
        TreeSet<String> cves = new TreeSet<>();
        Map<String, Long> ruleCounts = new TreeMap<>();
        Map<String, Finding> ruleSample = new TreeMap<>();
        for (Finding finding : group) {
            if (finding.time() != null) {
                if (first == null || finding.time().isBefore(first)) first = finding.time();
                if (last == null || finding.time().isAfter(last)) last = finding.time();
            }
            levels.merge(finding.level(), 1L, Long::sum);
            for (String tag : finding.rule().tags()) {
                String tactic = Tags.tactic(tag);
                if (tactic != null) tactics.add(tactic);
                String cve = Tags.cve(tag);
                if (cve != null) cves.add(cve);
            }
            ruleCounts.merge(finding.rule().id(), 1L, Long::sum);
            ruleSample.putIfAbsent(finding.rule().id(), finding);
        }
        Map<String, Long> levelWords = new LinkedHashMap<>();
        for (int i = Level.values().length - 1; i >= 0; i--) {
            Level level = Level.values()[i];
            if (levels.containsKey(level)) levelWords.put(level.word(), levels.get(level));
        }
        List<ActorChain.RuleCount> rules = new ArrayList<>();
        ruleCounts.forEach((id, n) -> {
            Finding sample = ruleSample.get(id);
            rules.add(new ActorChain.RuleCount(id, sample.rule().title(), sample.level().word(), n));
        });
        rules.sort(Comparator.comparingLong(ActorChain.RuleCount::count).reversed()
                .thenComparing(ActorChain.RuleCount::id));
        List<String> addresses = actor == null ? List.of() : List.of(actor);
        return new ActorChain(actor, addresses, List.of(), List.of(), List.of(), first, last, group.size(),
                levelWords, List.copyOf(tactics), List.copyOf(cves), List.copyOf(rules), List.of(), List.of(),
                "", List.of());
    }

    private static Level worstLevel(ActorChain chain) {
        return chain.levels().isEmpty() ? Level.INFORMATIONAL
                : Level.parse(chain.levels().keySet().iterator().next());
    }
}
