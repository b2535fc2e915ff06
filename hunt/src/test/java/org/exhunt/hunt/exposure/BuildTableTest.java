package org.exhunt.hunt.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuildTableTest {

    private static final List<String> PROXYLOGON = List.of("CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065");
    private static final List<String> PROXYSHELL = List.of("CVE-2021-34473", "CVE-2021-34523", "CVE-2021-31207");
    private static final List<String> NOTSHELL_AND_OWASSRF = List.of("CVE-2022-41040", "CVE-2022-41082", "CVE-2022-41080");

    private final BuildTable table = BuildTable.builtIn();

    private List<String> open(String build) {
        return table.exposure(ExchangeBuild.parse(build));
    }

    @Test
    void builtInTableListsEveryCuOfTheThreeProductsAndTheirUpdatesFrom2021() {
        Set<String> lines = table.rows().stream().map(r -> r.product() + " " + r.cu()).collect(Collectors.toSet());
        for (int cu = 21; cu <= 23; cu++) assertThat(lines).contains("2013 CU" + cu);
        for (int cu = 1; cu <= 23; cu++) assertThat(lines).contains("2016 CU" + cu);
        for (int cu = 1; cu <= 15; cu++) assertThat(lines).contains("2019 CU" + cu);
        assertThat(lines).contains("2013 SP1", "2016 RTM", "2019 RTM");
        Set<String> names = table.rows().stream().map(BuildRow::name).collect(Collectors.toSet());
        assertThat(names).contains("Exchange Server 2019 CU8 Mar21SU", "Exchange Server 2016 CU23 Nov23SU",
                "Exchange Server 2013 CU23 Mar23SU", "Exchange Server 2019 CU13 Nov23SU", "Exchange Server 2019 CU14 Mar24SU");
        assertThat(table.size()).isGreaterThan(170);
    }

    @Test
    void allTenCvesAffectEachProduct() {
        for (String oldest : new String[] {"15.0.516.32", "15.1.225.42", "15.2.221.12"}) {
            assertThat(open(oldest)).containsExactlyElementsOf(concat(PROXYLOGON, PROXYSHELL, NOTSHELL_AND_OWASSRF));
        }
    }

    /**
     * For every row that fixes a CVE: the row has it closed, and the build before it on the same CU
     * line (or, for a CU, the previous line's CU) still has it open.
     */
    @Test
    void everyFixingRowClosesItsCvesAndTheBuildBeforeItLeavesThemOpen() {
        List<BuildRow> rows = table.rows();
        int checked = 0;
        for (int i = 0; i < rows.size(); i++) {
            BuildRow row = rows.get(i);
            if (row.fixes().isEmpty()) continue;
            BuildRow before = i > 0 && rows.get(i - 1).product().equals(row.product()) ? rows.get(i - 1) : null;
            for (String cve : row.fixes()) {
                assertThat(table.exposure(row.build())).as(row.name() + " closes " + cve).doesNotContain(cve);
                if (before == null) continue;
                if (before.build().sameLine(row.build())) {
                    assertThat(table.exposure(before.build())).as(before.name() + " before " + row.name()).contains(cve);
                } else if (row.kind().equals("CU")) {
                    BuildRow previousCu = previousLineCu(rows, i);
                    // Only what this CU brings beyond the previous one: both carry the older fixes.
                    if (previousCu != null && !previousCu.fixes().contains(cve)) {
                        assertThat(table.exposure(previousCu.build())).as(previousCu.name() + " before " + row.name()).contains(cve);
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(150);
    }

    private static BuildRow previousLineCu(List<BuildRow> rows, int i) {
        BuildRow row = rows.get(i);
        BuildRow found = null;
        for (int j = i - 1; j >= 0 && rows.get(j).product().equals(row.product()); j--) {
            if (!rows.get(j).build().sameLine(row.build())) found = rows.get(j);
            if (found != null && found.kind().equals("CU")) return found;
            found = null;
        }
        return null;
    }

    @Test
    void aCuCarriesTheUpdatesReleasedBeforeItButNotThoseAfter() {
        // 2019 CU9 (March 16, 2021) is numerically above CU8 Apr21SU but lacks the April fixes.
        assertThat(open("15.2.858.5")).doesNotContainAnyElementsOf(PROXYLOGON).containsAll(PROXYSHELL);
        assertThat(open("15.2.792.13")).doesNotContain("CVE-2021-34473", "CVE-2021-34523").contains("CVE-2021-31207");
        // CU10 (June 2021) carries April and May; CU13 (May 2023) carries November 2022.
        assertThat(open("15.2.922.7")).containsExactlyElementsOf(NOTSHELL_AND_OWASSRF);
        assertThat(open("15.2.1258.12")).isEmpty();
        assertThat(open("15.1.2507.6")).containsExactlyElementsOf(NOTSHELL_AND_OWASSRF);
    }

    @Test
    void wellKnownBuildsHaveTheirPublishedExposure() {
        assertThat(open("15.2.792.3")).hasSize(10);
        assertThat(open("15.2.792.10")).containsExactlyElementsOf(concat(PROXYSHELL, NOTSHELL_AND_OWASSRF));
        assertThat(open("15.2.986.36")).isEmpty();
        assertThat(open("15.1.2375.37")).isEmpty();
        assertThat(open("15.0.1497.44")).isEmpty();
        assertThat(open("15.0.1497.42")).containsExactlyElementsOf(NOTSHELL_AND_OWASSRF);
        assertThat(open("15.1.2106.13")).containsExactlyElementsOf(concat(PROXYSHELL, NOTSHELL_AND_OWASSRF));
    }

    @Test
    void aCuLineThatNeverGotALaterUpdateNamesNoFixOnItsLine() {
        Assessment a = table.assess(ExchangeBuild.parse("15.2.721.13"));
        assertThat(a.standing()).isEqualTo(Standing.LISTED);
        assertThat(a.open()).containsExactlyElementsOf(concat(PROXYSHELL, NOTSHELL_AND_OWASSRF));
        assertThat(a.lineFix()).isNull();
        assertThat(a.newest().product()).isEqualTo("2019");
        assertThat(table.exposure(a.newest().build())).isEmpty();
    }

    @Test
    void theFixOnTheSameLineIsTheFirstUpdateThatClosesEverything() {
        Assessment a = table.assess(ExchangeBuild.parse("15.2.1118.7"));
        assertThat(a.lineFix().name()).isEqualTo("Exchange Server 2019 CU12 Nov22SU");
        assertThat(table.assess(ExchangeBuild.parse("15.0.1497.2")).lineFix().name()).isEqualTo("Exchange Server 2013 CU23 Nov22SU");
    }

    @Test
    void aRevisionBetweenRowsReadsAsTheRowBelowIt() {
        Assessment a = table.assess(ExchangeBuild.parse("15.2.792.11"));
        assertThat(a.standing()).isEqualTo(Standing.BETWEEN_ROWS);
        assertThat(a.row().name()).isEqualTo("Exchange Server 2019 CU8 Mar21SU");
        assertThat(a.open()).isEqualTo(open("15.2.792.10"));
    }

    @Test
    void aLineAloneReportsWhatItsNewestUpdateLeavesOpenAndTheRestAsUncertain() {
        Assessment a = table.assess(ExchangeBuild.parse("15.2.792"));
        assertThat(a.standing()).isEqualTo(Standing.LINE_ONLY);
        assertThat(a.open()).containsExactlyElementsOf(NOTSHELL_AND_OWASSRF);
        assertThat(a.uncertain()).containsExactlyElementsOf(concat(PROXYLOGON, PROXYSHELL));
        assertThat(a.name()).contains("2019 CU8");
    }

    @Test
    void buildsOutsideTheTableAreToldApart() {
        assertThat(table.assess(ExchangeBuild.parse("15.0.400.1")).standing()).isEqualTo(Standing.OLDER_THAN_TABLE);
        assertThat(open("15.0.400.1")).hasSize(10);
        Assessment se = table.assess(ExchangeBuild.parse("15.2.2562.17"));
        assertThat(se.standing()).isEqualTo(Standing.NEWER_THAN_TABLE);
        assertThat(se.standing().known()).isFalse();
        assertThat(table.assess(ExchangeBuild.parse("14.3.513.0")).standing()).isEqualTo(Standing.UNKNOWN_PRODUCT);
        // The 2019 preview predates every listed build; 15.2.300 lies between RTM and CU1, on no line.
        assertThat(table.assess(ExchangeBuild.parse("15.2.196.0")).standing()).isEqualTo(Standing.OLDER_THAN_TABLE);
        assertThat(table.assess(ExchangeBuild.parse("15.2.300.1")).standing()).isEqualTo(Standing.UNLISTED);
        assertThat(open("15.2.300.1")).hasSize(10);
    }

    @Test
    void malformedTablesAreRejectedWithTheirLine() {
        String header = "product,cu,name,build,released,kind,fixes\n";
        assertThatThrownBy(() -> BuildTable.parse("# c\nproduct,cu,name,build\n", "t.csv"))
                .hasMessageContaining("t.csv line 2").hasMessageContaining("released");
        assertThatThrownBy(() -> BuildTable.parse(header + "2019,CU8,X,15.2.792,2020-12-15,CU,\n", "t.csv"))
                .hasMessageContaining("t.csv line 2").hasMessageContaining("four-part");
        assertThatThrownBy(() -> BuildTable.parse(header + "2016,CU8,X,15.2.792.3,2020-12-15,CU,\n", "t.csv"))
                .hasMessageContaining("does not belong to product '2016'");
        assertThatThrownBy(() -> BuildTable.parse(header + "2019,CU8,X,15.2.792.3,15/12/2020,CU,\n", "t.csv"))
                .hasMessageContaining("yyyy-mm-dd");
        assertThatThrownBy(() -> BuildTable.parse(header + "2019,CU8,X,15.2.792.3,2020-12-15,CU,KB123\n", "t.csv"))
                .hasMessageContaining("'KB123' is not a CVE id");
        assertThatThrownBy(() -> BuildTable.parse(header + "2019,CU8,X,15.2.792.3,2020-12-15,CU,\n2019,CU8,Y,15.2.792.3,2020-12-15,CU,\n", "t.csv"))
                .hasMessageContaining("t.csv line 3").hasMessageContaining("twice");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        Set<String> all = new LinkedHashSet<>();
        for (List<String> l : lists) all.addAll(l);
        return new ArrayList<>(all);
    }
}
