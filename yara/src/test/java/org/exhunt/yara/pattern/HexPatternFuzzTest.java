package org.exhunt.yara.pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz target: any text given as a hex string is either refused with a {@link PatternSyntaxException}
 * whose column lies inside the source, or compiles and scans any bytes without failing.
 */
class HexPatternFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void any_hex_source_parses_or_is_refused_with_a_column(FuzzedDataProvider in) {
        String source = in.consumeString(200);
        byte[] data = in.consumeRemainingAsBytes();
        PatternSet set;
        try {
            set = PatternSet.compile(List.of(PatternSpec.hex(source)));
        } catch (PatternSyntaxException e) {
            if (e.column() < 1 || e.column() > source.length() + 1) {
                throw new IllegalStateException("column " + e.column() + " outside '" + source + "'", e);
            }
            return;
        }
        set.scan(data, (p, off, len) -> {
            if (off < 0 || len <= 0 || (long) off + len > data.length) {
                throw new IllegalStateException("match " + off + "+" + len + " outside " + data.length + " bytes");
            }
        });
    }
}
