package org.exhunt.hunt.attack;

import java.util.List;
import java.util.Locale;

/** The Enterprise matrix's tactics, left to right: the order in which an intrusion usually unfolds. */
final class Tactics {

    static final List<String> MATRIX_ORDER = List.of(
            "reconnaissance", "resource-development", "initial-access", "execution", "persistence",
            "privilege-escalation", "defense-evasion", "credential-access", "discovery", "lateral-movement",
            "collection", "command-and-control", "exfiltration", "impact");

    private Tactics() {
    }

    /** {@code initial-access} for {@code initial-access}, {@code attack.initial-access} or {@code Initial-Access}. */
    static String shortName(String shortNameOrTag) {
        String s = shortNameOrTag.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("attack.") ? s.substring("attack.".length()) : s;
    }

    /** Position in the matrix (0 for reconnaissance); unknown names sort after every tactic. */
    static int order(String shortNameOrTag) {
        if (shortNameOrTag == null) return MATRIX_ORDER.size();
        int i = MATRIX_ORDER.indexOf(shortName(shortNameOrTag));
        return i < 0 ? MATRIX_ORDER.size() : i;
    }
}
