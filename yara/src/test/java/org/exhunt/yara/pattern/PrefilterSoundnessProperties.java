package org.exhunt.yara.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The atom prefilter never loses a match: the scan equals trying every pattern at every offset. */
class PrefilterSoundnessProperties {

    @Property(tries = 200)
    void prefiltered_scan_equals_trying_every_offset(@ForAll long seed) {
        RandomPatterns gen = new RandomPatterns(seed, true);
        List<PatternSpec> specs = new ArrayList<>();
        for (int i = 0; i < 12; i++) specs.add(gen.any().spec());
        byte[] data = gen.data(specs, 300);
        PatternSet set = PatternSet.compile(specs);
        List<String> fast = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        set.scan(data, (p, off, len) -> fast.add(p + "@" + off + ":" + len));
        set.scanEveryOffset(data, (p, off, len) -> slow.add(p + "@" + off + ":" + len));
        assertThat(fast).as("patterns %s", specs).isEqualTo(slow);
    }
}
