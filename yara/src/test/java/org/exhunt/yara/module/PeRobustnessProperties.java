package org.exhunt.yara.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Mutated PE files (bytes overwritten, truncated) load without exceptions, and quickly. */
class PeRobustnessProperties {

    private static final byte[] BASE = base();

    private static byte[] base() {
        try {
            Path perf = Path.of("/usr/lib/perf-core/tests/pe-file.exe");
            if (Files.isRegularFile(perf)) {
                return Files.readAllBytes(perf);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        // A bare header-only PE: MZ, e_lfanew = 0x40, PE signature, PE32 optional header.
        byte[] b = new byte[0x200];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3C] = 0x40;
        b[0x40] = 'P';
        b[0x41] = 'E';
        b[0x44] = 0x4c;
        b[0x45] = 0x01;
        b[0x46] = 1;
        b[0x54] = (byte) 0xE0;
        b[0x58] = 0x0B;
        b[0x59] = 0x01;
        return b;
    }

    @Property(tries = 300)
    void mutated_pe_files_load_without_exceptions(@ForAll("mutants") byte[] data) {
        long start = System.nanoTime();
        Map<String, Object> pe = BuiltinRuntimes.forName("pe").orElseThrow().load(data);
        PeChecks.call(pe, "imphash");
        PeChecks.call(pe, "calculate_checksum");
        assertThat(pe).containsKey("is_pe");
        assertThat(System.nanoTime() - start).as("load time in ns").isLessThan(2_000_000_000L);
    }

    @Provide
    Arbitrary<byte[]> mutants() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.randoms(),
                Arbitraries.integers().between(64, BASE.length)).as(PeRobustnessProperties::mutate);
    }

    private static byte[] mutate(int changes, java.util.Random random, int length) {
        byte[] b = java.util.Arrays.copyOf(BASE, length);
        for (int i = 0; i < changes; i++) {
            int at = random.nextInt(Math.min(b.length, 0x400));
            b[at] = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
        }
        return b;
    }
}
