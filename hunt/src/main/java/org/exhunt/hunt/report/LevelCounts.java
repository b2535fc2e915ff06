package org.exhunt.hunt.report;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;

/** Findings per level, most severe first, every level present (zero included). */
final class LevelCounts {

    private LevelCounts() {
    }

    static Map<Level, Long> of(List<Finding> findings) {
        Map<Level, Long> counts = new EnumMap<>(Level.class);
        for (Finding finding : findings) {
            counts.merge(finding.level(), 1L, Long::sum);
        }
        Map<Level, Long> ordered = new LinkedHashMap<>();
        Level[] levels = Level.values();
        for (int i = levels.length - 1; i >= 0; i--) {
            ordered.put(levels[i], counts.getOrDefault(levels[i], 0L));
        }
        return ordered;
    }
}
