package org.exhunt.hunt.ioc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.sigma.ByteSlice;

/**
 * Matches every event against an {@link IocSet}: the client address against the address and
 * range indicators, the user agent and the requested path against the literal indicators.
 * Built once, then thread-safe; it runs on every event, so a non-matching event costs a hash
 * lookup and two linear scans without allocation beyond the field values themselves.
 *
 * <p>A finding's level and outcome tag depend on what the indicator is and what the request
 * did (see docs/rules.md, "IOC findings"): a request for a known web-shell path that the server
 * answered with 2xx is post-exploitation at {@code critical}; a crawler-like user agent on a
 * plain GET is only a {@code low} hint without an outcome tag, so it never sways the verdict.
 */
public final class IocMatcher {

    /** The engine name findings carry. */
    public static final String ENGINE = "ioc";

    static final String OUTCOME_RECON = "exhunt.outcome.recon";
    static final String OUTCOME_ATTEMPT = "exhunt.outcome.attempt";
    static final String OUTCOME_POST = "exhunt.outcome.post-exploitation";

    private final Map<String, Ioc> addresses = new HashMap<>();
    /** The IPv4 entries of {@link #addresses}, looked up without formatting the client address. */
    private final Ipv4Table v4Addresses;
    private final AddressRanges ranges;
    private final List<Ioc> agentIocs = new ArrayList<>();
    private final LiteralSearch agents;
    private final List<Ioc> pathIocs = new ArrayList<>();
    private final LiteralSearch paths;
    private final Map<IocList, Integer> listIndex = new IdentityHashMap<>();
    private final Map<String, RuleRef> ruleRefs = new ConcurrentHashMap<>();

    public IocMatcher(IocSet set) {
        List<Ioc> cidrs = new ArrayList<>();
        for (Ioc ioc : set.entries()) {
            listIndex.putIfAbsent(ioc.list(), listIndex.size());
            switch (ioc.type()) {
                case IP -> addresses.putIfAbsent(ioc.value(), ioc);
                case CIDR -> cidrs.add(ioc);
                case USER_AGENT -> agentIocs.add(ioc);
                case URI_PATH -> pathIocs.add(ioc);
                default -> {
                    // hashes and domains do not occur in the fields of web log events
                }
            }
        }
        ranges = new AddressRanges(cidrs);
        v4Addresses = new Ipv4Table(addresses.values());
        agents = new LiteralSearch(agentIocs.stream().map(Ioc::value).toList(), true);
        paths = new LiteralSearch(pathIocs.stream().map(Ioc::value).toList(), false);
    }

    /** Hands each finding for one event to {@code sink}. */
    public void match(LogEvent event, Consumer<Finding> sink) {
        for (Finding f : match(event)) sink.accept(f);
    }

    /** The findings for one event; an empty list (shared, immutable) when nothing matches. */
    public List<Finding> match(LogEvent event) {
        // A fresh holder is a pointer bump; a thread-local costs a native call per event under
        // the quick compiler the launcher runs.
        if (nothingToFind(event, new ByteSlice())) return List.of();
        List<Finding> out = null;
        String ip = text(event, "c-ip");
        if (ip != null && (!addresses.isEmpty() || !ranges.isEmpty())) {
            Ioc hit = addressHit(ip);
            if (hit != null) out = add(out, finding(event, hit, "c-ip", ip));
        }
        if (!agentIocs.isEmpty()) {
            String ua = text(event, "cs-user-agent");
            if (ua != null) {
                for (Ioc hit : longestPerList(agents, agentIocs, ua, false)) {
                    out = add(out, finding(event, hit, "cs-user-agent", ua));
                }
            }
        }
        if (!pathIocs.isEmpty()) {
            String field = "cs-uri-stem";
            String stem = text(event, field);
            if (stem == null) {
                field = "cs-uri";
                stem = pathOf(text(event, field));
            }
            if (stem != null) {
                for (Ioc hit : longestPerList(paths, pathIocs, stem, true)) {
                    out = add(out, finding(event, hit, field, text(event, field)));
                }
            }
        }
        return out == null ? List.of() : out;
    }

    /**
     * Whether the event certainly matches no indicator, decided from its field bytes in place
     * (see {@link LogEvent#slice}) without building a string: the answer for nearly every event
     * of a log. False means "look closer": the text path below decides.
     */
    private boolean nothingToFind(LogEvent event, ByteSlice sl) {
        if (!addresses.isEmpty() || !ranges.isEmpty()) {
            if (!event.slice("c-ip", sl)) return false;
            if (!sl.isEmpty()) {
                long v4 = IpAddresses.parseIpv4(sl.bytes, sl.start, sl.end);
                if (v4 < 0) {
                    // anything but a plain dotted quad (IPv6, a port, junk) is canonicalised as text
                    if (!knownMiss(sl.decode())) return false;
                } else if (v4Addresses.get(v4) != null || (!ranges.isEmpty() && ranges.findV4(v4) != null)) {
                    return false;
                }
            }
        }
        if (!agentIocs.isEmpty()) {
            if (!event.slice("cs-user-agent", sl)) return false;
            if (!sl.isEmpty() && agents.anyAscii(sl.bytes, sl.start, sl.end, sl.plusIsSpace) != 0) return false;
        }
        if (!pathIocs.isEmpty()) {
            // an empty stem sends the text path to cs-uri
            if (!event.slice("cs-uri-stem", sl) || sl.isEmpty()) return false;
            if (paths.anyAscii(sl.bytes, sl.start, sl.end, sl.plusIsSpace) != 0) return false;
        }
        return true;
    }

    /** Most distinct non-IPv4 client addresses remembered as matching nothing. */
    private static final int MAX_KNOWN_MISSES = 4096;
    /**
     * Client addresses that are not dotted quads (mostly {@code ::1}, the managed-availability
     * probes) and match no indicator: canonicalising one goes through {@link java.net.InetAddress},
     * and a busy server logs the same few on every probe.
     */
    private final Map<String, Boolean> knownMisses = new ConcurrentHashMap<>();

    /** Whether a client address that is not a dotted quad certainly matches no indicator. */
    private boolean knownMiss(String ip) {
        if (knownMisses.containsKey(ip)) return true;
        if (addressHit(ip) != null) return false;
        if (knownMisses.size() < MAX_KNOWN_MISSES) knownMisses.put(ip, Boolean.TRUE);
        return true;
    }

    /**
     * The address or range indicator for a logged client address. A plain dotted quad, the
     * common case, is looked up as a number; anything else goes through the canonical text form.
     */
    private Ioc addressHit(String ip) {
        long v4 = IpAddresses.parseIpv4(ip, 0, ip.length());
        if (v4 >= 0) {
            Ioc hit = v4Addresses.get(v4);
            if (hit == null && !ranges.isEmpty()) hit = ranges.findV4(v4);
            return hit;
        }
        String canonical = IpAddresses.canonical(ip);
        if (canonical == null) return null;
        Ioc hit = addresses.get(canonical);
        if (hit == null && !ranges.isEmpty()) hit = ranges.find(canonical);
        return hit;
    }

    /** The longest matching indicator of each list: one finding per list and field, not per entry. */
    private List<Ioc> longestPerList(LiteralSearch search, List<Ioc> iocs, String text, boolean wholePathSuffix) {
        if (!search.any(text)) return List.of();
        Ioc[][] best = new Ioc[1][];
        search.search(text, (p, end) -> {
            Ioc ioc = iocs.get(p);
            if (wholePathSuffix && !isPathSuffix(text, ioc.value(), end)) return true;
            if (best[0] == null) best[0] = new Ioc[listIndex.size()];
            int li = listIndex.get(ioc.list());
            Ioc current = best[0][li];
            if (current == null || current.value().length() < ioc.value().length()) best[0][li] = ioc;
            return true;
        });
        if (best[0] == null) return List.of();
        List<Ioc> out = new ArrayList<>(2);
        for (Ioc i : best[0]) {
            if (i != null) out.add(i);
        }
        return out;
    }

    /** A path indicator counts only as the whole end of the path, starting at a segment. */
    private static boolean isPathSuffix(String stem, String indicator, int end) {
        int len = stem.length();
        while (len > 0 && stem.charAt(len - 1) == '/') len--;
        if (end != len) return false;
        if (indicator.startsWith("/")) return true;
        int start = end - indicator.length();
        return start > 0 && stem.charAt(start - 1) == '/';
    }

    private Finding finding(LogEvent event, Ioc ioc, String field, String value) {
        Level level;
        String outcome;
        switch (ioc.type()) {
            case IP -> {
                level = Level.HIGH;
                outcome = OUTCOME_ATTEMPT;
            }
            case CIDR -> {
                level = Level.MEDIUM;
                outcome = OUTCOME_ATTEMPT;
            }
            case USER_AGENT -> {
                // Published agents include real crawlers' strings (Googlebot's among them): on a
                // GET they are a hint that must not change the verdict, so no outcome tag; with
                // a POST, which is how the campaign used them, they are an attempt.
                boolean post = "POST".equalsIgnoreCase(text(event, "cs-method"));
                level = post ? Level.MEDIUM : Level.LOW;
                outcome = post ? OUTCOME_ATTEMPT : null;
            }
            case URI_PATH -> {
                String status = text(event, "sc-status");
                if (status != null && status.startsWith("2")) {
                    // The server answered for a known web-shell path: the file is there.
                    level = Level.CRITICAL;
                    outcome = OUTCOME_POST;
                } else if (status == null) {
                    level = Level.HIGH;
                    outcome = OUTCOME_ATTEMPT;
                } else if (IpAddresses.isInternal(text(event, "c-ip"))) {
                    // An internal client looking for known shells and not finding them: most
                    // often the organisation's own vulnerability scanner. A hint, not a verdict.
                    level = Level.LOW;
                    outcome = null;
                } else {
                    // 404 and friends: someone looking for a shell that is not there.
                    level = Level.MEDIUM;
                    outcome = OUTCOME_RECON;
                }
            }
            default -> {
                level = Level.MEDIUM;
                outcome = OUTCOME_ATTEMPT;
            }
        }
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put(field, value);
        matched.put("ioc", ioc.type().word() + " " + ioc.value());
        Actor actor = new Actor(text(event, "c-ip"), text(event, "cs-username"), text(event, "cs-user-agent"));
        return new Finding(ruleRef(ioc.list(), level, outcome), ENGINE, event.timestamp(), event.source(), matched, actor);
    }

    private RuleRef ruleRef(IocList list, Level level, String outcome) {
        String key = list.ruleId() + "\u0000" + level + "\u0000" + outcome;
        return ruleRefs.computeIfAbsent(key, k -> {
            List<String> tags = new ArrayList<>();
            for (String t : list.tags()) {
                if (!t.startsWith("exhunt.outcome.")) tags.add(t);
            }
            if (outcome != null) tags.add(outcome);
            return new RuleRef(list.ruleId(), list.title(), level, tags);
        });
    }

    private static List<Finding> add(List<Finding> out, Finding f) {
        List<Finding> list = out == null ? new ArrayList<>(2) : out;
        list.add(f);
        return list;
    }

    private static String text(LogEvent event, String field) {
        Object v = event.get(field);
        if (v == null) return null;
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    /** The path of a logged URL ({@code https://host/ecp/x.aspx?a=b} gives {@code /ecp/x.aspx}). */
    static String pathOf(String url) {
        if (url == null) return null;
        String s = url;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            int slash = s.indexOf('/', scheme + 3);
            s = slash < 0 ? "/" : s.substring(slash);
        }
        int q = s.indexOf('?');
        if (q >= 0) s = s.substring(0, q);
        return s.isEmpty() ? null : s;
    }
}
