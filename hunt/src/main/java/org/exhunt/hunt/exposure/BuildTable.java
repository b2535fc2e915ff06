package org.exhunt.hunt.exposure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.exhunt.hunt.pack.BuiltInRules;

/**
 * The table of Exchange builds and the CVEs each closes ({@code rules/exchange-builds.csv}), and
 * the question it answers: which CVEs are still open on a build.
 *
 * <p>Fixes accumulate within a CU line only: a CU carries the fixes of every update released
 * before it, so the table lists them on the CU's own row, and builds of different lines are never
 * compared (2019 CU9 is numerically above CU8 Apr21SU but lacks its fixes).
 */
public final class BuildTable {

    /** Where the table lives in the built-in rule pack. */
    public static final String PACK_NAME = "exchange-builds.csv";

    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,7}");
    private static final String[] COLUMNS = {"product", "cu", "name", "build", "released", "kind", "fixes"};
    private static final Map<Integer, String> PRODUCTS = Map.of(0, "2013", 1, "2016", 2, "2019");

    private static volatile BuildTable builtIn;

    /** Rows of each CU line, oldest first. */
    private final Map<ExchangeBuild, List<BuildRow>> lines = new TreeMap<>();
    /** Rows of each product, oldest first. */
    private final Map<String, List<BuildRow>> products = new HashMap<>();
    /** The CVEs that affect each product, in the order they were first fixed. */
    private final Map<String, List<String>> affecting = new HashMap<>();
    private final int size;

    private BuildTable(List<BuildRow> rows) {
        List<BuildRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(BuildRow::build));
        for (BuildRow r : sorted) {
            lines.computeIfAbsent(r.build().line(), k -> new ArrayList<>()).add(r);
            products.computeIfAbsent(r.product(), k -> new ArrayList<>()).add(r);
        }
        products.forEach((product, list) -> {
            List<BuildRow> byDate = new ArrayList<>(list);
            byDate.sort(Comparator.comparing(BuildRow::released).thenComparing(BuildRow::build));
            Set<String> cves = new LinkedHashSet<>();
            for (BuildRow r : byDate) cves.addAll(r.fixes());
            affecting.put(product, List.copyOf(cves));
        });
        size = sorted.size();
    }

    /** The table shipped in the built-in rule pack, read once. */
    public static BuildTable builtIn() {
        BuildTable t = builtIn;
        if (t == null) {
            t = BuiltInRules.parsed(PACK_NAME, BuildTable::parse);
            builtIn = t;
        }
        return t;
    }

    /**
     * Reads the CSV: {@code #} comment lines, a header naming the columns, one row per build.
     *
     * @param origin names the text in error messages (a file name)
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    public static BuildTable parse(String text, String origin) {
        List<BuildRow> rows = new ArrayList<>();
        int[] index = null;
        Set<ExchangeBuild> seen = new java.util.HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = origin + " line " + (i + 1);
            String[] cells = line.split(",", -1);
            if (index == null) {
                index = header(cells, where);
                continue;
            }
            if (cells.length != COLUMNS.length) {
                throw new IllegalArgumentException(where + ": expected " + COLUMNS.length + " comma-separated cells, found " + cells.length);
            }
            BuildRow row = row(cells, index, where);
            if (!seen.add(row.build())) throw new IllegalArgumentException(where + ": build " + row.build() + " is listed twice");
            rows.add(row);
        }
        if (rows.isEmpty()) throw new IllegalArgumentException(origin + ": no build rows");
        return new BuildTable(rows);
    }

    private static int[] header(String[] cells, String where) {
        int[] index = new int[COLUMNS.length];
        java.util.Arrays.fill(index, -1);
        for (int c = 0; c < cells.length; c++) {
            String name = cells[c].strip().toLowerCase(Locale.ROOT);
            for (int k = 0; k < COLUMNS.length; k++) if (COLUMNS[k].equals(name)) index[k] = c;
        }
        for (int k = 0; k < COLUMNS.length; k++) {
            if (index[k] < 0) {
                throw new IllegalArgumentException(where + ": header lacks column '" + COLUMNS[k]
                        + "' (expected " + String.join(",", COLUMNS) + ")");
            }
        }
        return index;
    }

    private static BuildRow row(String[] cells, int[] index, String where) {
        String product = cells[index[0]].strip();
        String cu = cells[index[1]].strip();
        String name = cells[index[2]].strip();
        ExchangeBuild build = ExchangeBuild.tryParse(cells[index[3]]);
        if (build == null || !build.hasRevision()) {
            throw new IllegalArgumentException(where + ": build '" + cells[index[3]].strip() + "' is not a four-part build number");
        }
        if (build.major() != 15 || !product.equals(PRODUCTS.get(build.minor()))) {
            throw new IllegalArgumentException(where + ": build " + build + " does not belong to product '" + product
                    + "' (15.0 is 2013, 15.1 is 2016, 15.2 is 2019)");
        }
        LocalDate released;
        try {
            released = LocalDate.parse(cells[index[4]].strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": release date '" + cells[index[4]].strip() + "' is not yyyy-mm-dd");
        }
        String kind = cells[index[5]].strip();
        if (!kind.equals("CU") && !kind.equals("SU") && !kind.equals("HU")) {
            throw new IllegalArgumentException(where + ": kind '" + kind + "' is not CU, SU or HU");
        }
        Set<String> fixes = new LinkedHashSet<>();
        for (String cve : cells[index[6]].strip().split("\\s+")) {
            if (cve.isEmpty()) continue;
            if (!CVE.matcher(cve).matches()) throw new IllegalArgumentException(where + ": '" + cve + "' is not a CVE id");
            fixes.add(cve);
        }
        if (cu.isEmpty() || name.isEmpty()) throw new IllegalArgumentException(where + ": empty cu or name");
        return new BuildRow(product, cu, name, build, released, kind, List.copyOf(fixes));
    }

    /** How many builds the table lists. */
    public int size() {
        return size;
    }

    /** Every row, by product and build number. */
    public List<BuildRow> rows() {
        List<BuildRow> all = new ArrayList<>();
        lines.values().forEach(all::addAll);
        return all;
    }

    /** The CVEs still open on a build (see {@link #assess} for how sure that is). */
    public List<String> exposure(ExchangeBuild build) {
        return assess(build).open();
    }

    /** Everything the table says about a build. */
    public Assessment assess(ExchangeBuild build) {
        String product = build.major() == 15 ? PRODUCTS.get(build.minor()) : null;
        List<BuildRow> ofProduct = product == null ? null : products.get(product);
        if (ofProduct == null) {
            return new Assessment(build, product, Standing.UNKNOWN_PRODUCT, null, List.of(), List.of(), null, null);
        }
        List<String> all = affecting.get(product);
        BuildRow newest = ofProduct.get(ofProduct.size() - 1);
        List<BuildRow> line = lines.get(build.line());
        if (line == null) {
            if (build.compareTo(ofProduct.get(0).build()) < 0) {
                return new Assessment(build, product, Standing.OLDER_THAN_TABLE, null, all, List.of(), null, newest);
            }
            if (build.line().compareTo(newest.build().line()) > 0) {
                return new Assessment(build, product, Standing.NEWER_THAN_TABLE, null, List.of(), List.of(), null, newest);
            }
            return new Assessment(build, product, Standing.UNLISTED, null, all, List.of(), null, newest);
        }
        if (!build.hasRevision()) {
            BuildRow last = line.get(line.size() - 1);
            List<String> open = openAt(all, line, last.build());
            List<String> uncertain = new ArrayList<>(openAt(all, line, line.get(0).build()));
            uncertain.removeAll(open);
            return new Assessment(build, product, Standing.LINE_ONLY, last, open, uncertain, null, newest);
        }
        BuildRow at = null;
        for (BuildRow r : line) if (r.build().compareTo(build) <= 0) at = r;
        if (at == null) {
            // A revision below the CU's own release (a pre-release build): nothing of the line applies.
            return new Assessment(build, product, Standing.UNLISTED, null, all, List.of(), lineFix(all, line, build), newest);
        }
        List<String> open = openAt(all, line, build);
        Standing standing = at.build().equals(build) ? Standing.LISTED : Standing.BETWEEN_ROWS;
        return new Assessment(build, product, standing, at, open, List.of(),
                open.isEmpty() ? null : lineFix(all, line, build), newest);
    }

    /** The product's CVEs that no row of the line at or below the build fixes. */
    private static List<String> openAt(List<String> all, List<BuildRow> line, ExchangeBuild build) {
        Set<String> closed = new java.util.HashSet<>();
        for (BuildRow r : line) if (r.build().compareTo(build) <= 0) closed.addAll(r.fixes());
        List<String> open = new ArrayList<>();
        for (String cve : all) if (!closed.contains(cve)) open.add(cve);
        return open;
    }

    /** The first row above the build on its line after which nothing is open, or null. */
    private static BuildRow lineFix(List<String> all, List<BuildRow> line, ExchangeBuild build) {
        for (BuildRow r : line) {
            if (r.build().compareTo(build) > 0 && openAt(all, line, r.build()).isEmpty()) return r;
        }
        return null;
    }
}
