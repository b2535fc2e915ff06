package org.exhunt.hunt.report;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads ATT&CK tactics and CVEs out of Sigma-style tags. */
final class Tags {

    /** ATT&CK Enterprise tactic short names, as Sigma writes them after {@code attack.}. */
    private static final Set<String> TACTICS = Set.of(
            "reconnaissance", "resource-development", "initial-access", "execution", "persistence",
            "privilege-escalation", "defense-evasion", "credential-access", "discovery",
            "lateral-movement", "collection", "command-and-control", "exfiltration", "impact");

    private static final Pattern CVE_NUMBER = Pattern.compile("[0-9]{4}-[0-9]{1,10}");

    private Tags() {
    }

    /** {@code attack.initial-access} → {@code initial-access}; techniques, groups and other tags → {@code null}. */
    static String tactic(String tag) {
        String lower = tag.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("attack.")) return null;
        String name = lower.substring("attack.".length()).replace('_', '-');
        return TACTICS.contains(name) ? name : null;
    }

    /**
     * {@code cve.2021-26855} → {@code CVE-2021-26855}; older rules write {@code cve.2021.26855}, read
     * the same. Other tags, and CVE tags that do not hold a year and a number, → {@code null}.
     */
    static String cve(String tag) {
        String lower = tag.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("cve.")) return null;
        String number = lower.substring(4).replace('.', '-');
        return CVE_NUMBER.matcher(number).matches() ? "CVE-" + number : null;
    }
}
