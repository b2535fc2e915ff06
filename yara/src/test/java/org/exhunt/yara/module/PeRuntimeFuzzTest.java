package org.exhunt.yara.module;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target: any bytes given to the pe, dotnet and elf runtimes give a value tree and callable
 * functions, never an exception. The input is used twice: as a file of its own, and as patches
 * (two offset bytes, one value byte each) over a complete generated PE, so that the fuzzer reaches
 * the import, export, resource and certificate readers without a seed corpus. Runs its seeds as a
 * regression test; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class PeRuntimeFuzzTest {

    private static final byte[] BASE = new PeBuilder().build();

    @FuzzTest(maxDuration = "10s")
    void loading_any_bytes_never_throws(byte[] data) {
        load(data);
        byte[] patched = BASE.clone();
        for (int i = 0; i + 2 < data.length; i += 3) {
            int offset = ((data[i] & 0xFF) << 8 | (data[i + 1] & 0xFF)) % patched.length;
            patched[offset] = data[i + 2];
        }
        load(patched);
        if (data.length > 0) {
            load(java.util.Arrays.copyOf(patched, (data[0] & 0xFF) * patched.length / 256));
        }
    }

    private static void load(byte[] data) {
        for (String module : List.of("pe", "dotnet", "elf")) {
            Map<String, Object> values = BuiltinRuntimes.forName(module).orElseThrow().load(data);
            if (values == null) {
                throw new IllegalStateException(module + " gave no values");
            }
        }
        Map<String, Object> pe = BuiltinRuntimes.forName("pe").orElseThrow().load(data);
        PeChecks.call(pe, "imphash");
        PeChecks.call(pe, "calculate_checksum");
        PeChecks.call(pe, "exports", "x");
        PeChecks.call(pe, "imports", "kernel32.dll");
        PeChecks.call(pe, "locale", 0x409L);
    }
}
