package org.exhunt.yara.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * PE images written by {@link PeBuilder}, whole and damaged, give the values yara 4.2.3 gives:
 * every field, array element, dictionary entry and function result we compute is confirmed by
 * yara on the same bytes.
 */
class GeneratedPeAgreementTest {

    @Test
    void generated_images_agree_with_yara() throws Exception {
        Map<String, byte[]> samples = new LinkedHashMap<>();
        samples.put("pe32 dll", new PeBuilder().build());
        PeBuilder pe64 = new PeBuilder();
        pe64.is64 = true;
        pe64.machine = 0x8664;
        pe64.delayedImports.put("WS2_32.dll", List.of(3, "connect"));
        pe64.delayedImports.put("shell32.dll", List.of("ShellExecuteW"));
        samples.put("pe32+ dll with delay-load imports", pe64.build());
        PeBuilder delayed32 = new PeBuilder();
        delayed32.delayedImports.put("WININET.dll", List.of("InternetOpenA", "InternetReadFile", 7));
        samples.put("pe32 dll with delay-load imports", delayed32.build());
        PeBuilder exe = new PeBuilder();
        exe.dll = false;
        exe.overlay = new byte[0];
        exe.richEntries = new int[0][];
        samples.put("pe32 exe without overlay or rich entries", exe.build());
        PeBuilder version = new PeBuilder();
        version.varFileInfoFirst = true;
        version.versionStrings.put("Comments", "");
        version.versionStrings.put("LegalCopyright", "\u00a9 Example \u20ac");
        version.versionStrings.put("K".repeat(70), "V".repeat(300));
        version.secondStringTable.put("CompanyName", "Beispiel GmbH");
        version.secondStringTable.put("InternalName", "beispiel");
        samples.put("version info: VarFileInfo first, two tables, empty, non-ASCII and long strings", version.build());
        PeBuilder ordinals = new PeBuilder();
        ordinals.imports.clear();
        List<Object> winsock = new ArrayList<>();
        for (int i = 1; i <= 520; i++) {
            winsock.add(i);
        }
        List<Object> oleaut = new ArrayList<>();
        for (int i = 1; i <= 450; i++) {
            oleaut.add(i);
        }
        ordinals.imports.put("ws2_32.dll", winsock);
        ordinals.imports.put("wsock32.dll", List.of(1, 2, 3, 151, 500));
        ordinals.imports.put("OleAut32.dll", oleaut);
        ordinals.exports = List.of("a");
        samples.put("every named ordinal", ordinals.build());
        List<String> problems = new ArrayList<>();
        int checked = check(samples, problems);
        System.out.println("generated pe values confirmed by yara: " + checked);
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void damaged_images_agree_with_yara() throws Exception {
        byte[] good = new PeBuilder().build();
        int nt = (int) (good[0x3C] & 0xFF);
        int oh = nt + 24;
        int dirs = oh + 96;
        Map<String, byte[]> samples = new LinkedHashMap<>();
        for (int length : new int[] {63, 64, 0x100, nt + 24 + 100, nt + 24 + 224, 0x500, 0x700, 0x900, 0x1700}) {
            samples.put("truncated at " + length, java.util.Arrays.copyOf(good, Math.min(length, good.length)));
        }
        samples.put("unknown machine", damaged(good, b -> b.u16(nt + 4, 0x1234)));
        samples.put("65535 sections", damaged(good, b -> b.u16(nt + 6, 0xFFFF)));
        samples.put("e_lfanew past the end", damaged(good, b -> b.u32(0x3C, 0x7FFFFF00L)));
        samples.put("e_lfanew negative", damaged(good, b -> b.u32(0x3C, 0x80000000L)));
        samples.put("optional header size zero", damaged(good, b -> b.u16(nt + 20, 0)));
        samples.put("huge export count", damaged(good, b -> patchExportCount(good, b)));
        samples.put("import directory at a wild rva", damaged(good, b -> b.u32(dirs + 8, 0x7FFF0000L)));
        samples.put("resource root pointing at itself", damaged(good, b -> b.u32(PeBuilder.RSRC_OFFSET + 16 + 4, 0x80000000L)));
        samples.put("file alignment 4", damaged(good, b -> b.u32(oh + 36, 4)));
        samples.put("rich key zero", damaged(good, b -> zeroRichKey(good, b)));
        List<String> problems = new ArrayList<>();
        int checked = check(samples, problems);
        System.out.println("damaged pe values confirmed by yara: " + checked);
        assertThat(problems).isEmpty();
    }

    private static int check(Map<String, byte[]> samples, List<String> problems) throws Exception {
        int checked = 0;
        String dump = System.getenv("EXHUNT_DUMP_PE_SAMPLES");
        for (Map.Entry<String, byte[]> s : samples.entrySet()) {
            if (dump != null) {
                // Lets a developer look at a failing sample with yara by hand.
                java.nio.file.Files.write(java.nio.file.Path.of(dump, s.getKey().replace(' ', '_') + ".bin"), s.getValue());
            }
            List<String> conditions = PeChecks.conditions(s.getValue());
            checked += conditions.size();
            for (String c : YaraOracle.unconfirmed("pe", conditions, s.getValue())) {
                problems.add(s.getKey() + ": " + c);
            }
        }
        return checked;
    }

    private static byte[] damaged(byte[] good, Consumer<PeBuilder.Buf> change) {
        byte[] copy = good.clone();
        change.accept(new PeBuilder.Buf(copy));
        return copy;
    }

    private static void patchExportCount(byte[] good, PeBuilder.Buf b) {
        int nt = good[0x3C] & 0xFF;
        int dirs = nt + 24 + 96;
        long rva = PeBuilder.Buf.class.isInstance(b) ? u32(good, dirs) : 0;
        int offset = (int) (rva - PeBuilder.RDATA_RVA + PeBuilder.RDATA_OFFSET);
        b.u32(offset + 20, 0xFFFFFFFFL);
    }

    private static void zeroRichKey(byte[] good, PeBuilder.Buf b) {
        for (int at = 0x80; at < 0x100; at += 4) {
            if (u32(good, at) == 0x68636952L) {
                b.u32(at + 4, 0);
            }
        }
    }

    private static long u32(byte[] d, int at) {
        return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
    }
}
