package org.exhunt.yara.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code elf} values on the ELF files every JDK installation has (the java launcher and small libraries),
 * and {@code dotnet.is_dotnet} on PE and non-PE data, confirmed by yara.
 */
class ElfDotnetAgreementTest {

    @Test
    void elf_values_of_jdk_binaries_agree_with_yara() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        // Small ones: libjvm's tens of thousands of symbols would make yara's rule file slow to compile.
        List<Path> files = new ArrayList<>(List.of(home.resolve("bin/java"), home.resolve("lib/libjava.so"),
                home.resolve("lib/libnet.so"), home.resolve("lib/libzip.so")));
        files.removeIf(f -> !Files.isRegularFile(f));
        assertThat(files).as("ELF files of the running JDK").isNotEmpty();
        int checked = 0;
        for (Path f : files) {
            byte[] data = Files.readAllBytes(f);
            Map<String, Object> elf = BuiltinRuntimes.forName("elf").orElseThrow().load(data);
            assertThat(elf).containsKeys("type", "machine", "number_of_sections");
            List<String> conditions = new ArrayList<>();
            YaraOracle.flatten("elf", elf, Set.of(), conditions);
            checked += conditions.size();
            assertThat(YaraOracle.unconfirmed("elf", conditions, data)).as(f.toString()).isEmpty();
        }
        System.out.println("elf values confirmed by yara: " + checked);
    }

    @Test
    void elf_fields_are_undefined_for_other_data() throws Exception {
        byte[] data = new PeBuilder().build();
        Map<String, Object> elf = BuiltinRuntimes.forName("elf").orElseThrow().load(data);
        List<String> conditions = new ArrayList<>();
        YaraOracle.flatten("elf", elf, Set.of(), conditions);
        conditions.add("not defined elf.type");
        conditions.add("not defined elf.entry_point");
        assertThat(YaraOracle.unconfirmed("elf", conditions, data)).isEmpty();
    }

    @Test
    void is_dotnet_agrees_with_yara_on_pe_and_other_data() throws Exception {
        byte[] pe = new PeBuilder().build();
        byte[] text = "not a PE file".getBytes();
        byte[] assembly = withCliMetadata(new PeBuilder().build());
        for (byte[] data : List.of(pe, text, assembly)) {
            Map<String, Object> dotnet = BuiltinRuntimes.forName("dotnet").orElseThrow().load(data);
            List<String> conditions = new ArrayList<>();
            YaraOracle.flatten("dotnet", dotnet, Set.of(), conditions);
            conditions.add(YaraOracle.equal("dotnet.is_dotnet", dotnet.get("is_dotnet")));
            assertThat(YaraOracle.unconfirmed("dotnet", conditions, data)).isEmpty();
        }
        Map<String, Object> parsed = BuiltinRuntimes.forName("dotnet").orElseThrow().load(assembly);
        assertThat(parsed).containsEntry("version", "v4.0.30319").containsEntry("number_of_streams", 3L)
                .containsEntry("number_of_guids", 2L).containsEntry("number_of_user_strings", 2L);
        assertThat(BuiltinRuntimes.forName("dotnet").orElseThrow().load(pe).get("is_dotnet")).isEqualTo(0L);
        assertThat(BuiltinRuntimes.forName("dotnet").orElseThrow().load(assembly).get("is_dotnet")).isEqualTo(1L);
    }

    /** Adds a CLI header (COM descriptor directory) and a metadata root with #Strings, #GUID and #US streams in unused .rdata space. */
    private static byte[] withCliMetadata(byte[] pe) {
        PeBuilder.Buf b = new PeBuilder.Buf(pe);
        int nt = pe[0x3C] & 0xFF;
        int dirs = nt + 24 + 96;
        int cliRva = PeBuilder.RDATA_RVA + 0x2800;
        int cli = PeBuilder.RDATA_OFFSET + 0x2800;
        b.u32(dirs + 14 * 8, cliRva);
        b.u32(dirs + 14 * 8 + 4, 72);
        b.u32(cli, 72);
        b.u16(cli + 4, 2);
        b.u16(cli + 6, 5);
        b.u32(cli + 8, cliRva + 0x100);
        b.u32(cli + 12, 0x40);
        int metadata = cli + 0x100;
        b.u32(metadata, 0x424A5342L);
        b.u16(metadata + 4, 1);
        b.u16(metadata + 6, 1);
        b.u32(metadata + 12, 12);
        byte[] version = "v4.0.30319".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(version, 0, pe, metadata + 16, version.length);
        int streams = metadata + 16 + 12 + 2;
        b.u16(streams, 3);
        int header = streams + 2;
        b.u32(header, 0x80);
        b.u32(header + 4, 0x10);
        System.arraycopy("#Strings".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, pe, header + 8, 8);
        header += 8 + 12;
        b.u32(header, 0x90);
        b.u32(header + 4, 32);
        System.arraycopy("#GUID".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, pe, header + 8, 5);
        for (int i = 0; i < 32; i++) {
            pe[metadata + 0x90 + i] = (byte) (0x11 * (i % 16) + i / 16);
        }
        header += 8 + 8;
        b.u32(header, 0xC0);
        b.u32(header + 4, 0x30);
        System.arraycopy("#US".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, pe, header + 8, 3);
        // #US: a leading NUL, "cmd.exe" and "/c whoami" as UTF-16 plus a flag byte each, then padding.
        int us = metadata + 0xC0 + 1;
        for (String text : List.of("cmd.exe", "/c whoami")) {
            pe[us++] = (byte) (text.length() * 2 + 1);
            for (char c : text.toCharArray()) {
                pe[us++] = (byte) c;
                pe[us++] = 0;
            }
            pe[us++] = 0;
        }
        return pe;
    }
}
