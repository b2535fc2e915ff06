package org.exhunt.hunt.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.read.ReadResult;
import org.exhunt.hunt.read.Readers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {

    static final String IIS = "#Software: Microsoft Internet Information Services 10.0\r\n"
            + "#Fields: date time c-ip cs-method cs-uri-stem\r\n"
            + "2021-03-03 02:21:44 1.2.3.4 POST /ecp/y.js\r\n";
    static final String PROXY = "#Software: Microsoft Exchange Server\r\n#Log-type: HttpProxy Logs\r\n"
            + "#Fields: DateTime,ClientIpAddress,UrlStem\r\n2021-03-03T02:21:44Z,1.2.3.4,/ecp/y.js\r\n";

    @TempDir
    Path dir;

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, SourceKind> kinds(Discovery d) {
        Map<String, SourceKind> m = new LinkedHashMap<>();
        d.files().forEach(c -> m.put(c.file().path(), c.kind()));
        return m;
    }

    private static String content(EvidenceFile f) throws IOException {
        try (InputStream in = f.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void walksFoldersRecursivelyAndClassifiesEveryFileByContentInSortedOrder() throws IOException {
        Path root = dir.resolve("evidence");
        Files.createDirectories(root.resolve("inetpub/logs/LogFiles/W3SVC1"));
        Files.createDirectories(root.resolve("Logging/HttpProxy/Ecp"));
        Files.writeString(root.resolve("inetpub/logs/LogFiles/W3SVC1/u_ex210303.log"), IIS);
        Files.writeString(root.resolve("Logging/HttpProxy/Ecp/renamed.txt"), PROXY);
        Files.writeString(root.resolve("readme.log"), "not a log at all\n");
        Files.write(root.resolve("empty.log"), new byte[0]);

        try (Discovery d = Discovery.of(List.of(root), EvidenceLimits.defaults())) {
            String base = root.toString();
            assertThat(kinds(d)).containsExactly(
                    Map.entry(base + "/Logging/HttpProxy/Ecp/renamed.txt", SourceKind.EXCHANGE_HTTPPROXY),
                    Map.entry(base + "/empty.log", SourceKind.UNKNOWN),
                    Map.entry(base + "/inetpub/logs/LogFiles/W3SVC1/u_ex210303.log", SourceKind.IIS_W3C),
                    Map.entry(base + "/readme.log", SourceKind.UNKNOWN));
            assertThat(d.files().get(1).reason()).isEqualTo("empty file");
            assertThat(d.problems()).isEmpty();
        }
    }

    @Test
    void zipEntriesAreReadInPlaceAndNamedInsideTheArchive() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("W3SVC1/u_ex210303.log", utf8(IIS));
        entries.put("HttpProxy/Ecp/HttpProxy_2021030302-1.LOG", utf8(PROXY));
        Path archive = dir.resolve("collect.zip");
        Files.write(archive, zip(entries));
        try (Discovery d = Discovery.of(List.of(archive), EvidenceLimits.defaults())) {
            assertThat(kinds(d)).containsExactly(
                    Map.entry(archive + "!/HttpProxy/Ecp/HttpProxy_2021030302-1.LOG", SourceKind.EXCHANGE_HTTPPROXY),
                    Map.entry(archive + "!/W3SVC1/u_ex210303.log", SourceKind.IIS_W3C));
            Classified iis = d.files().get(1);
            List<LogEvent> events = new ArrayList<>();
            ReadResult r = Readers.forKind(iis.kind()).read(iis.file(), e -> events.add(e.retain()));
            assertThat(r.events()).isEqualTo(1);
            assertThat(events.get(0).source().path()).isEqualTo(archive + "!/W3SVC1/u_ex210303.log");
        }
        assertThat(dir.toFile().list()).containsExactly("collect.zip");
    }

    @Test
    void nestedZipsAreOpenedUpToTheDepthLimitAndDeeperOnesAreReported() throws IOException {
        byte[] level3 = zip(Map.of("deep.log", utf8(IIS)));
        byte[] level2 = zip(Map.of("inner.zip", level3, "mid.log", utf8(IIS)));
        byte[] level1 = zip(Map.of("middle.zip", level2));
        Path archive = dir.resolve("outer.zip");
        Files.write(archive, level1);

        try (Discovery d = Discovery.of(List.of(archive), EvidenceLimits.defaults())) {
            assertThat(kinds(d)).containsOnlyKeys(archive + "!/middle.zip!/inner.zip!/deep.log", archive + "!/middle.zip!/mid.log");
            assertThat(content(d.files().get(0).file())).isEqualTo(IIS);
        }
        try (Discovery d = Discovery.of(List.of(archive), EvidenceLimits.defaults().withMaxArchiveDepth(2))) {
            assertThat(kinds(d)).containsOnlyKeys(archive + "!/middle.zip!/mid.log");
            assertThat(d.problems()).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo(archive + "!/middle.zip!/inner.zip");
                assertThat(p.reason()).contains("nested deeper than 2");
            });
        }
    }

    @Test
    void temporaryCopiesOfNestedArchivesAreRemovedOnClose() throws IOException {
        Path archive = dir.resolve("outer.zip");
        Files.write(archive, zip(Map.of("inner.zip", zip(Map.of("a.log", utf8(IIS))))));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = listArchiveTemps(tmp);
        Discovery d = Discovery.of(List.of(archive), EvidenceLimits.defaults());
        assertThat(listArchiveTemps(tmp)).hasSize(before.size() + 1);
        d.close();
        assertThat(listArchiveTemps(tmp)).hasSameElementsAs(before);
    }

    private static List<Path> listArchiveTemps(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("exhunt-archives-")).toList();
        }
    }

    @Test
    void zipBombEntryIsRefusedAndTheRestIsRead() throws IOException {
        byte[] zeros = new byte[20 * 1024 * 1024];
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("bomb.log", zeros);
        entries.put("u_ex210303.log", utf8(IIS));
        Path archive = dir.resolve("bomb.zip");
        Files.write(archive, zip(entries));
        try (Discovery d = Discovery.of(List.of(archive), EvidenceLimits.defaults())) {
            assertThat(kinds(d)).containsOnlyKeys(archive + "!/u_ex210303.log");
            assertThat(d.problems()).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo(archive + "!/bomb.log");
                assertThat(p.reason()).contains("compression ratio").contains("zip bomb");
            });
        }
    }

    @Test
    void archiveExpandingPastTheTotalLimitIsRefused() throws IOException {
        Path archive = dir.resolve("big.zip");
        Files.write(archive, zip(Map.of("a.log", utf8(IIS + IIS), "b.log", utf8(IIS))));
        Path other = dir.resolve("other.log");
        Files.writeString(other, IIS);
        try (Discovery d = Discovery.of(List.of(archive, other), EvidenceLimits.defaults().withMaxExpandedBytes(100))) {
            assertThat(kinds(d)).containsOnlyKeys(other.toString());
            assertThat(d.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("over the limit of 100"));
        }
    }

    @Test
    void nestedArchiveLargerThanWhatIsLeftOfTheBudgetAfterItIsStillOpenedWhenTheTotalFits() throws IOException {
        byte[] inner = zip(Map.of("a.log", utf8(IIS.repeat(2000))));
        Path archive = dir.resolve("outer.zip");
        Files.write(archive, zip(Map.of("inner.zip", inner)));
        long limit = inner.length + IIS.length() * 2000L + 10;
        try (Discovery d = Discovery.of(List.of(archive), EvidenceLimits.defaults().withMaxExpandedBytes(limit))) {
            assertThat(kinds(d)).containsOnlyKeys(archive + "!/inner.zip!/a.log");
            assertThat(d.problems()).isEmpty();
        }
        try (Discovery d = Discovery.of(List.of(archive), EvidenceLimits.defaults().withMaxExpandedBytes(limit - 20))) {
            assertThat(d.files()).isEmpty();
            assertThat(d.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("over the limit"));
        }
    }

    @Test
    void archiveWithTooManyEntriesIsRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) entries.put("f" + i + ".log", utf8(IIS));
        Path archive = dir.resolve("many.zip");
        Files.write(archive, zip(entries));
        try (Discovery d = Discovery.of(List.of(archive), EvidenceLimits.defaults().withMaxEntries(4))) {
            assertThat(d.files()).isEmpty();
            assertThat(d.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("5 entries"));
        }
    }

    @Test
    void traversalEntryNamesAreReportedAndReadUnderACleanedName() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../../etc/evil.log", utf8(IIS));
        entries.put("/abs/x.log", utf8(IIS));
        entries.put("C:\\Windows\\y.log", utf8(IIS));
        entries.put("fine.log", utf8(IIS));
        Path archive = dir.resolve("trav.zip");
        Files.write(archive, zip(entries));
        try (Discovery d = Discovery.of(List.of(archive), EvidenceLimits.defaults())) {
            assertThat(kinds(d)).containsOnlyKeys(archive + "!/etc/evil.log", archive + "!/abs/x.log",
                    archive + "!/Windows/y.log", archive + "!/fine.log");
            assertThat(d.problems()).hasSize(3).allSatisfy(p -> assertThat(p.reason()).startsWith("path traversal entry"));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).toList()).containsExactly(archive);
        }
        assertThat(Files.exists(dir.getParent().resolve("etc"))).isFalse();
    }

    @Test
    void corruptZipIsAProblemAndOtherInputsAreStillRead() throws IOException {
        byte[] good = zip(Map.of("a.log", utf8(IIS)));
        byte[] corrupt = new byte[good.length / 2];
        System.arraycopy(good, 0, corrupt, 0, corrupt.length);
        Path bad = dir.resolve("bad.zip");
        Files.write(bad, corrupt);
        Path log = dir.resolve("u_ex.log");
        Files.writeString(log, IIS);
        try (Discovery d = Discovery.of(List.of(bad, log), EvidenceLimits.defaults())) {
            assertThat(kinds(d)).containsOnlyKeys(log.toString());
            assertThat(d.problems()).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo(bad.toString());
                assertThat(p.reason()).contains("not a readable zip archive");
            });
        }
    }

    @Test
    void gzipFilesAreReadDecompressed() throws IOException {
        Path gz = dir.resolve("u_ex210303.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(utf8(IIS));
        }
        try (Discovery d = Discovery.of(List.of(gz), EvidenceLimits.defaults())) {
            assertThat(kinds(d)).containsExactly(Map.entry(gz + "!/u_ex210303.log", SourceKind.IIS_W3C));
            assertThat(content(d.files().get(0).file())).isEqualTo(IIS);
        }
    }

    @Test
    void symbolicLinksLeadingOutOfTheTreeAreNotFollowed() throws IOException {
        Path outside = dir.resolve("outside.log");
        Files.writeString(outside, IIS);
        Path root = Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(root.resolve("inside.log"), IIS);
        Files.createSymbolicLink(root.resolve("escape.log"), outside);
        Files.createSymbolicLink(root.resolve("alias.log"), root.resolve("inside.log"));
        try (Discovery d = Discovery.of(List.of(root), EvidenceLimits.defaults())) {
            assertThat(kinds(d)).containsOnlyKeys(root + "/inside.log", root + "/alias.log");
            assertThat(d.problems()).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo(root + "/escape.log");
                assertThat(p.reason()).contains("outside the evidence");
            });
        }
    }

    @Test
    void missingInputIsAProblem() {
        try (Discovery d = Discovery.of(List.of(dir.resolve("nope")), EvidenceLimits.defaults())) {
            assertThat(d.files()).isEmpty();
            assertThat(d.problems()).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("does not exist"));
        }
    }
}
