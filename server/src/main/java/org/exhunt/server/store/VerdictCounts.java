package org.exhunt.server.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Servers counted by the verdict of their newest scan, worst first. */
public final class VerdictCounts {

    /** The report's verdicts, from the worst to the best news. */
    public static final List<String> ORDER = List.of("compromised", "attempted", "inconclusive", "clean");

    private VerdictCounts() {
    }

    /** Every verdict of {@link #ORDER} with its count (zero included), then any verdict a later schema adds. */
    public static Map<String, Integer> of(List<ServerSummary> servers) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ORDER.forEach(v -> counts.put(v, 0));
        servers.forEach(s -> counts.merge(s.latest().verdict(), 1, Integer::sum));
        return counts;
    }

    /** Sort key: worst verdict first; unknown verdicts after the known ones. */
    public static int rank(String verdict) {
        int i = ORDER.indexOf(verdict);
        return i < 0 ? ORDER.size() : i;
    }
}
