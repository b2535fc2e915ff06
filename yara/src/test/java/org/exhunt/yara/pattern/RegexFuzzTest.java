package org.exhunt.yara.pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target: any regex source is refused with a column inside it, or compiles; its prefiltered
 * scan over any bytes equals trying every offset.
 */
class RegexFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void any_regex_parses_or_is_refused_and_scans_soundly(FuzzedDataProvider in) {
        boolean nocase = in.consumeBoolean();
        boolean dotAll = in.consumeBoolean();
        String source = in.consumeString(100);
        byte[] data = in.consumeRemainingAsBytes();
        PatternSet set;
        try {
            set = PatternSet.compile(List.of(PatternSpec.regex(source, nocase, dotAll)));
        } catch (PatternSyntaxException e) {
            if (e.column() < 1 || e.column() > source.length() + 1) {
                throw new IllegalStateException("column " + e.column() + " outside '" + source + "'", e);
            }
            return;
        }
        List<String> fast = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        set.scan(data, (p, off, len) -> fast.add(off + ":" + len));
        set.scanEveryOffset(data, (p, off, len) -> slow.add(off + ":" + len));
        if (!fast.equals(slow)) throw new IllegalStateException("prefilter lost matches of /" + source + "/: " + fast + " vs " + slow);
    }
}
