package org.exhunt.yara.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lying counts and self-referencing tables give bounded work and yara's capped counts. */
class PeHostileInputTest {

    private static final long SECONDS = 1_000_000_000L;

    @Test
    void resource_directories_pointing_at_themselves_are_walked_in_bounded_time() throws Exception {
        byte[] pe = new PeBuilder().build();
        PeBuilder.Buf b = new PeBuilder.Buf(pe);
        int root = PeBuilder.RSRC_OFFSET;
        int entries = (PeBuilder.RSRC_SIZE - 16) / 8;
        java.util.Arrays.fill(pe, root, root + PeBuilder.RSRC_SIZE, (byte) 0);
        b.u16(root + 14, entries);
        for (int i = 0; i < entries; i++) {
            b.u32(root + 16 + 8 * i, 16);
            b.u32(root + 16 + 8 * i + 4, 0x80000000L);
        }
        long start = System.nanoTime();
        Map<String, Object> values = BuiltinRuntimes.forName("pe").orElseThrow().load(pe);
        assertThat(System.nanoTime() - start).isLessThan(20 * SECONDS);
        assertThat(values.get("number_of_resources")).isEqualTo(65537L);
        assertThat(YaraOracle.unconfirmed("pe", List.of("pe.number_of_resources == 65537",
                "pe.resources[65536].type == 16", "not defined pe.resources[65537].type"), pe)).isEmpty();
    }

    @Test
    void a_lying_export_count_is_capped_as_in_yara() throws Exception {
        byte[] pe = new PeBuilder().build();
        int nt = pe[0x3C] & 0xFF;
        long rva = (pe[nt + 24 + 96] & 0xFFL) | (pe[nt + 24 + 97] & 0xFFL) << 8;
        int directory = (int) (rva - PeBuilder.RDATA_RVA + PeBuilder.RDATA_OFFSET);
        PeBuilder.Buf b = new PeBuilder.Buf(pe);
        b.u32(directory + 20, 0x7FFFFFFFL);
        long start = System.nanoTime();
        Map<String, Object> values = BuiltinRuntimes.forName("pe").orElseThrow().load(pe);
        assertThat(System.nanoTime() - start).isLessThan(5 * SECONDS);
        Object exports = values.get("number_of_exports");
        assertThat(YaraOracle.unconfirmed("pe", List.of(YaraOracle.equal("pe.number_of_exports", exports)), pe)).isEmpty();
    }

    @Test
    void many_import_descriptors_are_capped_as_in_yara() throws Exception {
        PeBuilder builder = new PeBuilder();
        builder.imports.clear();
        for (int i = 0; i < 120; i++) {
            builder.imports.put("lib" + i + ".dll", List.of("f" + i));
        }
        byte[] pe = builder.build();
        Map<String, Object> values = BuiltinRuntimes.forName("pe").orElseThrow().load(pe);
        assertThat(values.get("number_of_imports")).isEqualTo(120L);
        assertThat(YaraOracle.unconfirmed("pe", PeChecks.conditions(pe), pe)).isEmpty();
    }
}
