package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.junit.jupiter.api.Test;

class TimelineCsvWriterTest {

    private record Output(String text, TimelineCsvWriter.Written written) {
        List<String> lines() {
            return List.of(text.split("\r\n", -1));
        }
    }

    private static Output write(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TimelineCsvWriter.Written written = new TimelineCsvWriter().write(report, out);
        return new Output(out.toString(StandardCharsets.UTF_8), written);
    }

    /** Splits one RFC 4180 record (no line breaks inside) into its cells. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String column(List<String> row, String name) {
        return row.get(TimelineCsvWriter.COLUMNS.indexOf(name));
    }

    @Test
    void headerStartsWithTheColumnsTimesketchRequires() throws IOException {
        Output out = write(ReportFixtures.compromiseReport());

        assertThat(out.lines().get(0)).startsWith("message,datetime,timestamp_desc,timestamp,");
        assertThat(cells(out.lines().get(0))).containsExactlyElementsOf(TimelineCsvWriter.COLUMNS);
    }

    @Test
    void eachDatedFindingIsOneRowWithIsoUtcTimeAndMicroseconds() throws IOException {
        Output out = write(ReportFixtures.compromiseReport());

        List<String> first = cells(out.lines().get(1));
        assertThat(first).hasSize(TimelineCsvWriter.COLUMNS.size());
        assertThat(column(first, "datetime")).isEqualTo("2021-03-03T02:00:11Z");
        assertThat(column(first, "timestamp")).isEqualTo(
                Long.toString(ReportFixtures.T0.minusSeconds(600).getEpochSecond() * 1_000_000L));
        assertThat(column(first, "timestamp_desc")).isEqualTo("Event Recorded");
        assertThat(column(first, "message")).isEqualTo("[low] Exchange version probe from 45.77.1.2: /ecp/y.js");
        assertThat(column(first, "source_file")).isEqualTo("logs/W3SVC1/u_ex210303.log");
        assertThat(column(first, "source_line")).isEqualTo("10");
        assertThat(column(first, "source_record")).isEmpty();
        assertThat(column(first, "tactic")).isEqualTo("reconnaissance");
        assertThat(column(first, "tags")).isEqualTo("attack.reconnaissance attack.t1595 exhunt.outcome.recon");
    }

    @Test
    void findingsWithoutATimeAreLeftOutAndCounted() throws IOException {
        Output out = write(ReportFixtures.compromiseReport());

        assertThat(out.written()).isEqualTo(new TimelineCsvWriter.Written(5, 1));
        assertThat(out.lines()).hasSize(1 + 5 + 1).last().isEqualTo("");
        assertThat(out.text()).doesNotContain("China Chopper");
    }

    @Test
    void actorColumnNamesTheMainAddressOfTheChainAnAddressBelongsTo() throws IOException {
        Finding fromSecond = ReportFixtures.onLine(ReportFixtures.SSRF_SUCCESS, ReportFixtures.T0, "u.log", 1, "10.0.0.20");
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addFinding(fromSecond).chains(List.of(ChainFixtures.attacker("ua", "/a.aspx"))).build();

        List<String> row = cells(write(report).lines().get(1));

        assertThat(column(row, "client_ip")).isEqualTo("10.0.0.20");
        assertThat(column(row, "actor")).isEqualTo(ReportFixtures.ATTACKER);
    }

    @Test
    void commasQuotesAndLineBreaksStayInsideTheirCell() throws IOException {
        Finding tricky = new Finding(ReportFixtures.SSRF_ATTEMPT, "sigma", ReportFixtures.T0,
                SourceRef.ofLine("a,b \"c\".log", 1, 0), Map.of(),
                new Actor("1.2.3.4", "x\r\ny", "Mozilla/5.0 (a, b) \"q\""));
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addFinding(tricky).build();

        Output out = write(report);

        assertThat(out.lines()).hasSize(3);
        List<String> row = cells(out.lines().get(1));
        assertThat(row).hasSize(TimelineCsvWriter.COLUMNS.size());
        assertThat(column(row, "source_file")).isEqualTo("a,b \"c\".log");
        assertThat(column(row, "user_agent")).isEqualTo("Mozilla/5.0 (a, b) \"q\"");
        assertThat(column(row, "user")).isEqualTo("x\\x0d\\x0ay");
    }

    @Test
    void evidenceThatASpreadsheetWouldRunAsAFormulaIsPrefixed() throws IOException {
        Finding formula = new Finding(ReportFixtures.SSRF_ATTEMPT, "sigma", ReportFixtures.T0,
                SourceRef.ofLine("-x.log", 1, 0), Map.of(),
                new Actor("1.2.3.4", "@SUM(A1)", "=HYPERLINK(\"http://e.example\",\"x\")"));
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addFinding(formula).build();

        List<String> row = cells(write(report).lines().get(1));

        assertThat(column(row, "user_agent")).isEqualTo("'=HYPERLINK(\"http://e.example\",\"x\")");
        assertThat(column(row, "user")).isEqualTo("'@SUM(A1)");
        assertThat(column(row, "source_file")).isEqualTo("'-x.log");
        assertThat(CsvCells.text("+1")).isEqualTo("'+1");
        assertThat(CsvCells.text("a=b")).isEqualTo("a=b");
    }
}
