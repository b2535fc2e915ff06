package org.exhunt.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Hostile rules and hostile data cannot hold a scan past its time budget: the scan returns,
 * flagged as timed out, shortly after the budget is spent.
 */
class ScanTimeBudgetTest {

    static final Duration BUDGET = Duration.ofMillis(1500);
    /** Generous: the machine running the tests may be busy. */
    static final long MARGIN_MS = 3000;

    @Test
    void a_regex_verified_at_every_offset_of_a_large_buffer_stops_at_the_budget() {
        // Only wide classes, so no atom narrows the search: every offset of the buffer starts a
        // match attempt that runs thousands of steps before it fails.
        byte[] data = new byte[32 << 20];
        Arrays.fill(data, (byte) 'a');
        assertStopsInTime("rule slow { strings: $r = /\\w{100,4000}\\W/ condition: $r }", data);
    }

    @Test
    void a_loop_over_every_byte_of_a_large_buffer_stops_at_the_budget() {
        byte[] data = new byte[64 << 20];
        assertStopsInTime("rule loop { condition: for all i in (0..filesize) : (for all j in (0..filesize) : (uint8(i) == uint8(j))) }", data);
    }

    @Test
    void a_hex_string_of_wide_jumps_over_a_flood_of_candidates_stops_at_the_budget() {
        byte[] data = new byte[32 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 3 == 0 ? 0x41 : 0x42);
        }
        assertStopsInTime("rule hex { strings: $h = { 41 [0-150] 42 [0-150] 41 [0-150] 43 } condition: $h }", data);
    }

    private static void assertStopsInTime(String rule, byte[] data) {
        YaraCompiler compiler = new YaraCompiler();
        assertThat(compiler.addText("hostile.yar", rule)).as("%s", compiler.rules().problems()).isTrue();
        YaraScanner scanner = YaraScanner.of(compiler.rules());
        long t0 = System.nanoTime();
        ScanResult result = scanner.scan(data, ScanOptions.defaults().withTimeout(BUDGET));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(result.timedOut()).as("flagged as timed out after %d ms", ms).isTrue();
        assertThat(result.matches()).isEmpty();
        assertThat(ms).as("returned after %d ms with a budget of %d ms", ms, BUDGET.toMillis())
                .isLessThan(BUDGET.toMillis() + MARGIN_MS);
    }
}
