package org.exhunt.hunt.report;

import java.util.Locale;
import java.util.Set;

/** Reads ATT&CK tactics and CVEs out of Sigma-style tags. */
final class Tags {

    /** ATT&CK Enterprise tactic short names, as Sigma writes them after {@code attack.}. */
    private static final Set<String> TACTICS = Set.of(
            "reconnaissance", "resource-development", "initial-access", "execution", "persistence",
            "privilege-escalation", "defense-evasion", "credential-access", "discovery",
            "lateral-movement", "collection", "command-and-control", "exfiltration", "impact");

    private Tags() {
    }

    /** {@code attack.initial-access} → {@code initial-access}; techniques, groups and other tags → {@code null}. */
    static String tactic(String tag) {
        String lower = tag.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("attack.")) return null;
        String name = lower.substring("attack.".length()).replace('_', '-');
        return TACTICS.contains(name) ? name : null;
    }

    /** {@code cve.2021-26855} → {@code CVE-2021-26855}; other tags → {@code null}. */
    static String cve(String tag) {
        String lower = tag.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("cve.") || lower.length() == 4) return null;
        return "CVE-" + lower.substring(4).toUpperCase(Locale.ROOT);
    }
}
