package org.exhunt.hunt.scan;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.exhunt.hunt.event.LogEvent;

/**
 * Which server the evidence comes from, as its own logs name it: HttpProxy and ECP logs write
 * {@code ServerHostName}, Windows events {@code Computer}, IIS logs {@code s-computername} when that
 * column is on. Each file contributes the first name it shows; the name most files agree on is the
 * scan's host. A triage copy is usually scanned elsewhere, so the scanning machine's own name is
 * only the fallback when the evidence names nobody.
 */
final class HostNames {

    private static final String[] FIELDS = {"ServerHostName", "Computer", "s-computername"};

    private final Map<String, Named> byShortName = new ConcurrentHashMap<>();

    /** Looks at events of one file until one names its host; cheap after that. */
    final class Watcher {
        private boolean found;

        void look(LogEvent event) {
            if (found) return;
            for (String field : FIELDS) {
                Object value = event.get(field);
                if (value instanceof String name && offer(name)) {
                    found = true;
                    return;
                }
            }
        }
    }

    Watcher watcher() {
        return new Watcher();
    }

    /** The name most files gave (short form, as first written), or {@code null} when none did. */
    String best() {
        Named best = null;
        for (Map.Entry<String, Named> e : byShortName.entrySet()) {
            Named n = e.getValue();
            long count = n.files.sum();
            if (best == null || count > best.files.sum()
                    || (count == best.files.sum() && n.shown.compareTo(best.shown) < 0)) {
                best = n;
            }
        }
        return best == null ? null : best.shown;
    }

    boolean offer(String raw) {
        String name = raw.trim();
        if (name.isEmpty() || name.equals("-") || name.length() > 255) return false;
        // EXCH19 and EXCH19.fabrikam.local are the same server; reports show the short name.
        int dot = name.indexOf('.');
        String shortName = dot > 0 ? name.substring(0, dot) : name;
        if (!plausible(shortName)) return false;
        byShortName.computeIfAbsent(shortName.toUpperCase(Locale.ROOT), k -> new Named(shortName)).files.increment();
        return true;
    }

    /** A NetBIOS/DNS label: letters, digits and hyphens; an address or free text is no host name. */
    private static boolean plausible(String label) {
        if (label.length() > 63) return false;
        boolean letter = false;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isLetter(c)) letter = true;
            else if (!(Character.isDigit(c) || c == '-' || c == '_')) return false;
        }
        return letter;
    }

    private static final class Named {
        final String shown;
        final LongAdder files = new LongAdder();

        Named(String shown) {
            this.shown = shown;
        }
    }
}
