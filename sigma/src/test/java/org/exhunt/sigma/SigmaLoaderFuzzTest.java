package org.exhunt.sigma;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target: any bytes, read as YAML rule text, load and compile (with the real value
 * modifiers) and match without an exception escaping.
 * Runs its seed inputs as a regression test in normal builds; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class SigmaLoaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void loading_any_bytes_never_throws(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        RuleSet set = new RuleLoader().addText("fuzz.yml", text).load();
        if (set.files() != 1) {
            throw new IllegalStateException("the text was not accounted for");
        }
        SigmaEngine engine = SigmaEngine.compile(set, Pipeline.none());
        engine.matcherFor(null).match(MapEvent.of("A", "x"), m -> { });
    }
}
