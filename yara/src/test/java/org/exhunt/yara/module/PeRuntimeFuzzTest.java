package org.exhunt.yara.module;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target: any bytes given to the pe, dotnet and elf runtimes give a value tree and callable
 * functions, never an exception. Runs its seeds as a regression test; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class PeRuntimeFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void loading_any_bytes_never_throws(byte[] data) {
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
