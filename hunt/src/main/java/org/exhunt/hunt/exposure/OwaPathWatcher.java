package org.exhunt.hunt.exposure;

import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.sigma.ByteSlice;

/**
 * Watches the web requests of one log file for OWA/ECP version folders and remembers the highest
 * CU line served. One per file and thread.
 *
 * <p>Only answered requests count (status 200 or 304): anyone can ask for
 * {@code /owa/auth/15.2.9999/}, but only a folder that exists is served, so a scanner's made-up
 * version cannot make the server look patched.
 */
public final class OwaPathWatcher {

    private static final String STEM = "cs-uri-stem";
    private static final String STATUS = "sc-status";

    private final ByteSlice slice = new ByteSlice();
    private ExchangeBuild best;
    private SourceRef where;

    /** Looks at one event; costs a prefix test for events that are not OWA/ECP resource requests. */
    public void look(LogEvent event) {
        ExchangeBuild line;
        if (event.slice(STEM, slice)) {
            if (slice.isEmpty() || slice.end - slice.start < 9 || slice.bytes[slice.start] != '/') return;
            line = OwaPath.line(slice.bytes, slice.start, slice.end);
        } else {
            Object v = event.get(STEM);
            if (!(v instanceof String s) || s.length() < 9 || s.charAt(0) != '/') return;
            line = OwaPath.line(s);
        }
        if (line == null || (best != null && line.compareTo(best) <= 0)) return;
        Object status = event.get(STATUS);
        String code = status == null ? "" : status.toString().strip();
        if (!code.equals("200") && !code.equals("304")) return;
        best = line;
        where = event.source();
    }

    /** The highest line seen, as a clue, or {@code null}. */
    public BuildClue clue() {
        if (best == null) return null;
        String source = where == null ? "a web log" : where.line() >= 0 ? where.path() + " line " + where.line() : where.path();
        return new BuildClue(best, source, BuildClue.Strength.OWA_PATH);
    }
}
