package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.junit.jupiter.api.Test;

/**
 * A report built and written on several threads is byte for byte the report one thread gives:
 * the findings' order, the verdict, the chains, the JSON report and the JSONL stream.
 */
class ParallelReportWritingProperties {

    private static final Instant T0 = Instant.parse("2021-03-03T02:10:00Z");

    /** Rules that share an id but not a title: findings equal in report order yet written differently. */
    private static final List<RuleRef> RULES = List.of(
            new RuleRef("r-1", "Web shell answered", Level.CRITICAL,
                    List.of("attack.persistence", "attack.t1505.003", "exhunt.outcome.post-exploitation")),
            new RuleRef("r-1", "Web shell answered (copy)", Level.HIGH, List.of("attack.persistence")),
            new RuleRef("r-2", "Probe for a shell \u00e9\u4e2d", Level.MEDIUM, List.of("attack.reconnaissance")),
            new RuleRef("r-3", "Process from w3wp", Level.LOW, List.of("attack.execution", "cve.2021-26855")));

    @Provide
    Arbitrary<List<Finding>> findings() {
        Arbitrary<Instant> time = Arbitraries.integers().between(0, 40).injectDuplicates(0.3)
                .map(s -> T0.plusSeconds(s)).injectNull(0.1);
        Arbitrary<String> path = Arbitraries.of("logs/a.log", "logs/b.log", "evtx/Security.evtx", "web/s.aspx");
        Arbitrary<Long> position = Arbitraries.longs().between(-1, 5);
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12).injectNull(0.1);
        Arbitrary<String> ip = Arbitraries.of("10.0.0.1", "10.0.0.2", "127.0.0.1").injectNull(0.4);
        Arbitrary<Finding> finding = Combinators.combine(Arbitraries.of(RULES), time, path, position, position,
                text, ip, Arbitraries.of("sigma", "ioc", "yara")).as((rule, t, p, line, record, value, address, engine) -> {
                    Map<String, Object> matched = new LinkedHashMap<>();
                    matched.put("cs-uri-stem", "/aspnet_client/s.aspx");
                    matched.put("sc-status", "200");
                    matched.put("CommandLine", value);
                    matched.put("context.list", value == null ? List.of() : List.of(value, 7L));
                    return new Finding(rule, engine, t, new SourceRef(p, line, record, Math.max(-1, line * 10)),
                            matched, new Actor(address, value, "agent+" + value));
                });
        return finding.list().ofMaxSize(60);
    }

    @Property(tries = 200)
    void theJsonReportIsTheSameOnAnyNumberOfThreadsAndParts(@ForAll("findings") List<Finding> findings,
            @ForAll @IntRange(min = 2, max = 4) int threads, @ForAll @IntRange(min = 1, max = 9) int partSize)
            throws IOException {
        ScanReport report = report(findings, 1);

        assertThat(json(new JsonReportWriter(threads, partSize), report))
                .isEqualTo(json(new JsonReportWriter(1, FindingParts.PART_SIZE), report));
    }

    @Property(tries = 200)
    void theJsonlStreamIsTheSameOnAnyNumberOfThreadsAndParts(@ForAll("findings") List<Finding> findings,
            @ForAll @IntRange(min = 2, max = 4) int threads, @ForAll @IntRange(min = 1, max = 9) int partSize)
            throws IOException {
        List<Finding> ordered = report(findings, 1).findings();
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        ByteArrayOutputStream many = new ByteArrayOutputStream();

        JsonlFindingsWriter.write(ordered, one, 1, FindingParts.PART_SIZE);
        JsonlFindingsWriter.write(ordered, many, threads, partSize);

        assertThat(many.toByteArray()).isEqualTo(one.toByteArray());
        assertThat(one.toString(java.nio.charset.StandardCharsets.UTF_8).lines()).hasSize(ordered.size());
    }

    @Property(tries = 200)
    void sortingInRunsGivesTheOrderOfOneStableSort(@ForAll("findings") List<Finding> findings,
            @ForAll @IntRange(min = 1, max = 5) int threads) {
        List<Finding> expected = new ArrayList<>(findings);
        expected.sort(FindingOrder.ORDER);

        List<Finding> sorted = FindingSort.sorted(findings, threads, 1);

        assertThat(sorted).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            // The same instance, not an equal one: equal-ranked findings must keep their input order.
            assertThat(sorted.get(i)).isSameAs(expected.get(i));
        }
    }

    @Property(tries = 100)
    void aReportBuiltOnSeveralThreadsHasTheVerdictAndChainsOfOneBuiltOnOne(
            @ForAll("findings") List<Finding> findings, @ForAll @IntRange(min = 2, max = 4) int threads)
            throws IOException {
        ScanReport one = report(findings, 1);
        ScanReport many = report(findings, threads);

        assertThat(many.findings()).containsExactlyElementsOf(one.findings());
        assertThat(many.judgement()).isEqualTo(one.judgement());
        assertThat(many.chains()).isEqualTo(one.chains());
        String single = json(new JsonReportWriter(1, 1), one);
        String parallel = json(new JsonReportWriter(1, 1), many);
        // Only the thread count the scan info records differs.
        assertThat(parallel.replace("\"threads\": " + threads, "\"threads\": 1")).isEqualTo(single);
    }

    @Test
    void aPartThatCannotBeRenderedFailsTheWriteAndNothingAfterItIsWritten() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 50; i++) findings.add(ReportFixtures.onLine(RULES.get(0), T0.plusSeconds(i), "a.log", i, "10.0.0.1"));
        List<Integer> written = new ArrayList<>();

        assertThatThrownBy(() -> FindingParts.render(findings, 3, 5, part -> {
            if (part.get(0) == findings.get(20)) throw new IOException("disk full at part 4");
            return new byte[] {(byte) part.size()};
        }, bytes -> written.add((int) bytes[0]))).isInstanceOf(IOException.class).hasMessage("disk full at part 4");
        assertThat(written).containsExactly(5, 5, 5, 5);
    }

    private static ScanReport report(List<Finding> findings, int threads) {
        ScanInfo info = new ScanInfo("scan-1", T0, T0.plusSeconds(5), List.of("evidence/"), "EXCH01", 100, threads,
                null, null, Map.of("sigma", 4), "high");
        return ScanReport.builder().tool("exhunt", "0").scan(info).coverage(ReportFixtures.oneIisLog())
                .findings(findings).build();
    }

    private static String json(JsonReportWriter writer, ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
