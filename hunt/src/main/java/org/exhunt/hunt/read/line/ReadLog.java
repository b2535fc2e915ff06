package org.exhunt.hunt.read.line;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.read.ReadResult;

/**
 * Keeps the tally of one read: events, time range and warnings. Warnings are capped so that a
 * file of garbage cannot fill the memory or the report; the overflow is counted and summarised.
 */
public final class ReadLog {

    static final int MAX_WARNINGS = 100;

    private long events;
    private Instant first;
    private Instant last;
    private final List<String> warnings = new ArrayList<>();
    private long suppressed;
    private boolean warnedNoHeader;

    /** Counts one event handed to the consumer. */
    public void event(Instant timestamp) {
        events++;
        if (timestamp != null) {
            if (first == null || timestamp.isBefore(first)) first = timestamp;
            if (last == null || timestamp.isAfter(last)) last = timestamp;
        }
    }

    /** Records a warning about one line: "line 12 (offset 3400): what". */
    public void warn(long line, long offset, String what) {
        warn("line " + line + " (offset " + offset + "): " + what);
    }

    public void warn(String warning) {
        if (warnings.size() < MAX_WARNINGS) warnings.add(warning);
        else suppressed++;
    }

    /**
     * Whether a data line must be skipped because no {@code #Fields:} header came before it. Both
     * log families need a header to name their columns; the warning is given once per file.
     */
    public boolean skipBeforeHeader(boolean haveHeader, long line, long offset) {
        if (haveHeader) return false;
        if (!warnedNoHeader) {
            warn(line, offset, "data line before any #Fields: header — skipped (and so is every such line)");
            warnedNoHeader = true;
        }
        return true;
    }

    /** Whether a line must be skipped because the line source cut it at its maximum length. */
    public boolean skipCut(boolean cut, long line, long offset) {
        if (cut) warn(line, offset, "line longer than " + LineSource.MAX_LINE + " bytes — line skipped");
        return cut;
    }

    public long events() {
        return events;
    }

    /** The result, with {@code error} naming why the read stopped early, or null. */
    public ReadResult result(String error) {
        List<String> all = warnings;
        if (suppressed > 0) {
            all = new ArrayList<>(warnings);
            all.add("... and " + suppressed + " more warnings like these");
        }
        return new ReadResult(events, first, last, all, error);
    }
}
