package org.exhunt.hunt.read.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.exhunt.evtx.EvtxReader;
import org.exhunt.evtx.EvtxRecord;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.read.CorpusFiles;
import org.junit.jupiter.api.Test;

/**
 * The template plans give, for every record of every EVTX file of the corpus, the event the
 * element tree gives: the same fields in the same order, with equal values of the same Java
 * types and the same keyword flags, the same time, logsource and provenance.
 */
class EvtxPlanMatchesTreeTest {

    private static List<Path> evtxFiles(String folder) throws IOException {
        Path dir = CorpusFiles.root().resolve(folder);
        if (!Files.isDirectory(dir)) fail("corpus folder missing: " + dir + " (set -Dexhunt.corpus to the shared corpus folder)");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
        }
    }

    @Test
    void everyCorpusRecordFlattensByPlanExactlyAsByItsTree() throws IOException {
        List<Path> files = new ArrayList<>(evtxFiles("evtx"));
        files.addAll(evtxFiles("sigma/regression_data"));
        assertThat(files).hasSizeGreaterThan(400);
        WindowsEventBuilder byPlan = new WindowsEventBuilder(SourceKind.WINDOWS_EVTX, WindowsLogsources.builtIn());
        WindowsEventBuilder byTree = new WindowsEventBuilder(SourceKind.WINDOWS_EVTX, WindowsLogsources.builtIn());
        long[] counts = new long[2]; // records, records flattened by a plan
        for (Path file : files) {
            EvtxReader.sequential().read(file, r -> {
                SourceRef source = new SourceRef(file.toString(), -1, r.recordId(), r.fileOffset());
                if (EvtxPlans.planFor(r) != null) counts[1]++;
                counts[0]++;
                // the plan first: it must not lean on a tree built before it
                WindowsEvent planned = EvtxPlans.fill(byPlan, r, source);
                WindowsEvent walked = EvtxEvents.fill(byTree, r, source);
                String difference = difference(planned, walked);
                if (difference != null) fail("%s record %d: %s", file, r.recordId(), difference);
            });
        }
        assertThat(counts[0]).as("records read").isGreaterThan(20_000);
        // the plans are the common path, not a rarely taken side road
        assertThat(counts[1]).as("records flattened by a plan, of %d", counts[0]).isGreaterThan(counts[0] * 95 / 100);
    }

    @Test
    void recordsThatAreNoTemplateInstanceAreFlattenedByTheirTree() {
        // a log whose records are literal elements, without any template
        Path file = CorpusFiles.require("evtx/hayabusa-sample-evtx/EVTX-to-MITRE-Attack/TA0007-Discovery/T1046-Network Service Scanning/ID131-RDP brutforce (no user info).evtx");
        List<EvtxRecord> records = read(file);
        assertThat(records).isNotEmpty().allSatisfy(r -> {
            assertThat(r.template()).isNull();
            assertThat(EvtxPlans.planFor(r)).isNull();
        });
        assertSameEvents(file, records);
    }

    @Test
    void templateRecordsAPlanCannotExpressAreFlattenedByTheirTree() throws IOException {
        // e.g. records whose EventData is a nested BinXML value that is not one template instance
        int seen = 0;
        for (Path file : evtxFiles("evtx")) {
            List<EvtxRecord> unexpressed = read(file).stream()
                    .filter(r -> r.template() != null && EvtxPlans.planFor(r) == null).toList();
            if (unexpressed.isEmpty()) continue;
            assertSameEvents(file, unexpressed);
            seen += unexpressed.size();
        }
        assertThat(seen).as("template records the plans leave to the tree").isPositive();
    }

    @Test
    void aNestedBinXmlValueThatIsNoTemplateInstanceSendsItsRecordToTheTree() throws IOException {
        for (Path file : evtxFiles("evtx")) {
            for (EvtxRecord r : read(file)) {
                if (r.template() == null) continue;
                for (int i = 0; i < r.substitutionCount(); i++) {
                    if (r.substitution(i).type() == org.exhunt.evtx.EvtxValueType.BINXML && r.substitution(i).template() == null
                            && !r.substitution(i).nodes().isEmpty()) {
                        assertThat(EvtxPlans.planFor(r)).as("%s record %d", file, r.recordId()).isNull();
                        assertSameEvents(file, List.of(r));
                        return;
                    }
                }
            }
        }
        fail("no record of the corpus has a nested BinXML value that is not one template instance");
    }

    private static List<EvtxRecord> read(Path file) {
        List<EvtxRecord> records = new ArrayList<>();
        try {
            EvtxReader.sequential().read(file, records::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return records;
    }

    private static void assertSameEvents(Path file, List<EvtxRecord> records) {
        WindowsEventBuilder byPlan = new WindowsEventBuilder(SourceKind.WINDOWS_EVTX, WindowsLogsources.builtIn());
        WindowsEventBuilder byTree = new WindowsEventBuilder(SourceKind.WINDOWS_EVTX, WindowsLogsources.builtIn());
        for (EvtxRecord r : records) {
            SourceRef source = new SourceRef(file.toString(), -1, r.recordId(), r.fileOffset());
            WindowsEvent planned = EvtxPlans.fill(byPlan, r, source);
            assertThat(planned.table().size()).as("fields of record %d", r.recordId()).isPositive();
            String difference = difference(planned, EvtxEvents.fill(byTree, r, source));
            if (difference != null) fail("%s record %d: %s", file, r.recordId(), difference);
        }
    }

    /** The first difference between two events, or null when they are the same. */
    static String difference(WindowsEvent a, WindowsEvent b) {
        FieldTable x = a.table();
        FieldTable y = b.table();
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            if (i >= x.size()) return "field " + i + " " + y.name(i) + " missing from the plan's event";
            if (i >= y.size()) return "field " + i + " " + x.name(i) + " missing from the tree's event";
            if (!x.name(i).equals(y.name(i))) return "field " + i + " named " + x.name(i) + " by plan, " + y.name(i) + " by tree";
            Object u = x.value(i);
            Object v = y.value(i);
            if (!Objects.equals(u, v) || u != null && u.getClass() != v.getClass()) {
                return "field " + x.name(i) + ": plan " + describe(u) + ", tree " + describe(v);
            }
            if (x.isKeyword(i) != y.isKeyword(i)) return "field " + x.name(i) + ": keyword flag differs";
        }
        if (!Objects.equals(a.timestamp(), b.timestamp())) return "timestamp: plan " + a.timestamp() + ", tree " + b.timestamp();
        if (!Objects.equals(a.logsource(), b.logsource())) return "logsource: plan " + a.logsource() + ", tree " + b.logsource();
        if (!Objects.equals(a.source(), b.source())) return "source: plan " + a.source() + ", tree " + b.source();
        return null;
    }

    private static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName() + " '" + v + "'";
    }
}
