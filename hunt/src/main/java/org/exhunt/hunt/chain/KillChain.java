package org.exhunt.hunt.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ATT&amp;CK Enterprise tactics in the order an intrusion usually runs through them, and the
 * reading of Sigma-style tags ({@code attack.persistence}, {@code attack.t1505.003},
 * {@code cve.2021-26855}) that names them.
 */
final class KillChain {

    /** The Enterprise matrix's tactic order, reconnaissance first, impact last. */
    static final List<String> TACTICS = List.of(
            "reconnaissance", "resource-development", "initial-access", "execution", "persistence",
            "privilege-escalation", "defense-evasion", "credential-access", "discovery",
            "lateral-movement", "collection", "command-and-control", "exfiltration", "impact");

    private static final Map<String, Integer> RANK = new HashMap<>();
    static {
        for (int i = 0; i < TACTICS.size(); i++) RANK.put(TACTICS.get(i), i);
    }

    private static final Pattern TECHNIQUE = Pattern.compile("t[0-9]{4}(\\.[0-9]{3})?");
    private static final Pattern CVE_NUMBER = Pattern.compile("[0-9]{4}-[0-9]{1,10}");

    private KillChain() {
    }

    /** Position of a tactic in kill-chain order; tactics not in the matrix come last. */
    static int rank(String tactic) {
        return tactic == null ? TACTICS.size() : RANK.getOrDefault(tactic, TACTICS.size());
    }

    /** {@code attack.initial-access} → {@code initial-access}; any other tag → {@code null}. */
    static String tactic(String tag) {
        String lower = tag.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("attack.")) return null;
        String name = lower.substring("attack.".length()).replace('_', '-');
        return RANK.containsKey(name) ? name : null;
    }

    /** {@code attack.t1505.003} → {@code T1505.003}; any other tag → {@code null}. */
    static String technique(String tag) {
        String lower = tag.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("attack.")) return null;
        String name = lower.substring("attack.".length());
        return TECHNIQUE.matcher(name).matches() ? name.toUpperCase(Locale.ROOT) : null;
    }

    /** {@code cve.2021-26855} (or {@code cve.2021.26855}) → {@code CVE-2021-26855}; else {@code null}. */
    static String cve(String tag) {
        String lower = tag.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("cve.")) return null;
        String number = lower.substring(4).replace('.', '-');
        return CVE_NUMBER.matcher(number).matches() ? "CVE-" + number : null;
    }

    /**
     * The rule's tactics, each with the techniques tagged after it. Sigma rules list a tactic and
     * then its techniques ({@code attack.initial-access, attack.t1190, attack.persistence,
     * attack.t1505.003}); without the ATT&amp;CK catalog at hand that order is the best pairing
     * the tags offer. Techniques before any tactic belong to the first tactic.
     */
    static Map<String, List<String>> tacticsWithTechniques(List<String> tags) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        List<String> orphans = new ArrayList<>();
        String current = null;
        for (String tag : tags) {
            String tactic = tactic(tag);
            if (tactic != null) {
                current = tactic;
                out.computeIfAbsent(tactic, t -> new ArrayList<>());
                continue;
            }
            String technique = technique(tag);
            if (technique == null) continue;
            if (current == null) orphans.add(technique); else out.get(current).add(technique);
        }
        if (!orphans.isEmpty() && !out.isEmpty()) out.values().iterator().next().addAll(0, orphans);
        return out;
    }

    /** The earliest of the rule's tactics in kill-chain order, or {@code null} when it names none. */
    static String firstTactic(List<String> tags) {
        String best = null;
        for (String tag : tags) {
            String tactic = tactic(tag);
            if (tactic != null && (best == null || rank(tactic) < rank(best))) best = tactic;
        }
        return best;
    }

    /** {@code initial-access} → {@code initial access}, for sentences. */
    static String words(String tactic) {
        return tactic.replace('-', ' ');
    }
}
