package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;

/**
 * Turns the findings that decide a verdict into short sentences, one per rule, e.g.
 * {@code ProxyLogon SSRF succeeded (cve.2021-26855): 3 log events from 104.248.49.97, first 2021-03-03T02:10:11Z}.
 */
final class ReasonWriter {

    /** Enough sentences to explain a verdict at a glance; the findings list holds the rest. */
    private static final int MAX_RULES = 6;
    private static final int MAX_NAMES = 3;

    private ReasonWriter() {
    }

    static List<String> describe(List<Finding> findings) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byRule.computeIfAbsent(finding.rule().id(), id -> new ArrayList<>()).add(finding);
        }
        List<List<Finding>> groups = new ArrayList<>(byRule.values());
        // Within a level, a file found on disk (a web shell) leads: it is the plainest proof.
        groups.sort(Comparator.<List<Finding>, Level>comparing(g -> g.get(0).level()).reversed()
                .thenComparing(g -> !g.stream().allMatch(ReasonWriter::isFileLevel))
                .thenComparing(ReasonWriter::firstTime, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(g -> g.get(0).rule().id()));
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < groups.size() && i < MAX_RULES; i++) {
            reasons.add(sentence(groups.get(i)));
        }
        if (groups.size() > MAX_RULES) {
            int more = groups.size() - MAX_RULES;
            reasons.add("… and " + count(more, "more rule") + " (see findings).");
        }
        return reasons;
    }

    private static String sentence(List<Finding> group) {
        Finding sample = group.get(0);
        StringBuilder text = new StringBuilder(sample.rule().title());
        List<String> cves = sample.rule().tags().stream()
                .filter(t -> t.toLowerCase(Locale.ROOT).startsWith("cve."))
                .toList();
        if (!cves.isEmpty()) {
            text.append(" (").append(String.join(", ", cves)).append(')');
        }
        text.append(": ");
        boolean onFiles = group.stream().allMatch(ReasonWriter::isFileLevel);
        if (onFiles) {
            Set<String> paths = new LinkedHashSet<>();
            group.forEach(f -> paths.add(f.source() == null ? "?" : f.source().path()));
            text.append(count(paths.size(), "file")).append(' ').append(names(paths));
        } else {
            text.append(count(group.size(), "log event"));
            Set<String> addresses = new LinkedHashSet<>();
            for (Finding finding : group) {
                if (finding.actor() != null && finding.actor().ip() != null) addresses.add(finding.actor().ip());
            }
            if (!addresses.isEmpty()) {
                text.append(" from ").append(names(addresses));
            }
        }
        Instant first = firstTime(group);
        if (first != null) {
            text.append(", first ").append(first);
        }
        return text.toString();
    }

    private static boolean isFileLevel(Finding finding) {
        return finding.source() == null || (finding.source().line() < 0 && finding.source().record() < 0);
    }

    private static String names(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        if (list.size() <= MAX_NAMES) {
            return String.join(", ", list);
        }
        return String.join(", ", list.subList(0, MAX_NAMES)) + " and " + (list.size() - MAX_NAMES) + " more";
    }

    private static Instant firstTime(List<Finding> group) {
        Instant first = null;
        for (Finding finding : group) {
            if (finding.time() != null && (first == null || finding.time().isBefore(first))) first = finding.time();
        }
        return first;
    }

    /** "1 file", "3 files": counts read naturally in sentences. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
