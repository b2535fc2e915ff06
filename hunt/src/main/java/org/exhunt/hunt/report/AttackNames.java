package org.exhunt.hunt.report;

import org.exhunt.hunt.attack.AttackCatalog;

/**
 * ATT&CK's names for the ids a report shows ({@code T1190} → {@code Exploit Public-Facing
 * Application}), from the catalog carried in the rule pack. A page that shows them credits ATT&CK.
 * Should the catalog be unreadable the ids stand alone: names help a reader, the ids are the facts.
 */
final class AttackNames {

    private static final AttackCatalog CATALOG = load();

    private AttackNames() {
    }

    /** {@code T1505.003 Server Software Component: Web Shell}, or the id alone when unknown. */
    static String technique(String id) {
        if (CATALOG == null || id == null) return id;
        return CATALOG.fullTechniqueName(id).map(name -> id + " " + name).orElse(id);
    }

    /** {@code Initial Access} for {@code initial-access}; the short name when unknown. */
    static String tactic(String shortName) {
        if (CATALOG == null || shortName == null) return shortName;
        return CATALOG.tacticName(shortName);
    }

    /** The credit line ATT&CK asks for, or {@code null} when no name came from it. */
    static String credit() {
        if (CATALOG == null) return null;
        String version = CATALOG.version();
        return "MITRE ATT&CK® Enterprise" + (version.isEmpty() ? "" : " v" + version) + ", © The MITRE Corporation";
    }

    private static AttackCatalog load() {
        try {
            return AttackCatalog.builtIn();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
