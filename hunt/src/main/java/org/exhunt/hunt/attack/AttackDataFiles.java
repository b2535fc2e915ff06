package org.exhunt.hunt.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the three tab-separated files under {@code rules/attack/}. Lines starting with {@code #}
 * are comments (version and attribution); the first other line names the columns; list values
 * are comma-separated. Each row is checked, so a damaged file fails at load with its line. They
 * end in {@code .tab} because every {@code *.tsv} under a rules folder is taken for an IOC list.
 */
final class AttackDataFiles {

    static final String TACTICS = "attack/tactics.tab";
    static final String TECHNIQUES = "attack/techniques.tab";
    static final String GROUPS = "attack/groups.tab";

    static final List<String> TACTIC_COLUMNS = List.of("tactic", "id", "name");
    static final List<String> TECHNIQUE_COLUMNS = List.of("id", "name", "tactics");
    static final List<String> GROUP_COLUMNS = List.of("id", "name", "aliases", "techniques");

    private AttackDataFiles() {
    }

    private static final Pattern RELEASE =
            Pattern.compile("^# MITRE ATT&CK\u00ae? Enterprise v(\\S+) ");

    /** The ATT&CK release a file's header comment names ({@code 18.1}), or empty when it names none. */
    static String release(String text) {
        for (String line : text.split("\r?\n")) {
            if (!line.startsWith("#")) break;
            Matcher m = RELEASE.matcher(line);
            if (m.find()) return m.group(1);
        }
        return "";
    }

    /** Tactic short name → display name, in file order. */
    static Map<String, String> tactics(String file, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row r : rows(file, text, TACTIC_COLUMNS)) {
            if (!r.cells[1].matches("TA\\d{4}")) throw r.problem("tactic id '" + r.cells[1] + "' is not TAnnnn");
            if (out.putIfAbsent(r.cells[0], r.cells[2]) != null) throw r.problem("tactic " + r.cells[0] + " appears twice");
        }
        return out;
    }

    /** Technique id → technique, in file order; every tactic must be one of {@code knownTactics}. */
    static Map<String, Technique> techniques(String file, String text, Map<String, String> knownTactics) {
        Map<String, Technique> out = new LinkedHashMap<>();
        for (Row r : rows(file, text, TECHNIQUE_COLUMNS)) {
            String id = r.cells[0];
            if (!TechniqueIds.isWellFormed(id)) throw r.problem("technique id '" + id + "' is not Tnnnn or Tnnnn.nnn");
            List<String> tactics = list(r.cells[2]);
            for (String t : tactics) {
                if (!knownTactics.containsKey(t)) throw r.problem("unknown tactic '" + t + "' for " + id);
            }
            if (out.putIfAbsent(id, new Technique(id, r.cells[1], tactics)) != null) {
                throw r.problem("technique " + id + " appears twice");
            }
        }
        return out;
    }

    /** Group id → group, in file order; every technique must be one of {@code knownTechniques}. */
    static Map<String, Group> groups(String file, String text, Map<String, Technique> knownTechniques) {
        Map<String, Group> out = new LinkedHashMap<>();
        for (Row r : rows(file, text, GROUP_COLUMNS)) {
            String id = r.cells[0];
            if (!id.matches("G\\d{4}")) throw r.problem("group id '" + id + "' is not Gnnnn");
            List<String> techniques = list(r.cells[3]);
            for (String t : techniques) {
                if (!knownTechniques.containsKey(t)) throw r.problem("group " + id + " uses unknown technique '" + t + "'");
            }
            if (out.putIfAbsent(id, new Group(id, r.cells[1], list(r.cells[2]), techniques)) != null) {
                throw r.problem("group " + id + " appears twice");
            }
        }
        return out;
    }

    private static List<String> list(String cell) {
        if (cell.isEmpty()) return List.of();
        return Arrays.stream(cell.split(",", -1)).map(String::strip).toList();
    }

    private record Row(String file, int line, String[] cells) {
        AttackDataFormatException problem(String what) {
            return new AttackDataFormatException(file, line, what);
        }
    }

    private static List<Row> rows(String file, String text, List<String> columns) {
        List<Row> out = new ArrayList<>();
        boolean headerSeen = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split("\t", -1);
            if (!headerSeen) {
                if (!Arrays.asList(cells).equals(columns)) {
                    throw new AttackDataFormatException(file, lineNo,
                            "expected the column header " + String.join("<tab>", columns) + ", found '" + line + "'");
                }
                headerSeen = true;
                continue;
            }
            if (cells.length != columns.size()) {
                throw new AttackDataFormatException(file, lineNo,
                        "expected " + columns.size() + " tab-separated columns " + columns + ", found " + cells.length);
            }
            for (int c = 0; c < 2; c++) {
                if (cells[c].isBlank()) {
                    throw new AttackDataFormatException(file, lineNo, "column '" + columns.get(c) + "' is empty");
                }
            }
            out.add(new Row(file, lineNo, cells));
        }
        if (!headerSeen) throw new AttackDataFormatException(file, lines.length, "no column header line found");
        return out;
    }
}
