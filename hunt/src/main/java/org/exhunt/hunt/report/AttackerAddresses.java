package org.exhunt.hunt.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The client addresses worth blocking: those of chains with high or critical findings. Internal
 * addresses are kept apart: they are the organisation's own hosts (a load balancer, a reverse
 * proxy, a scanner), to be looked behind rather than blocked.
 */
final class AttackerAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}");

    /** Address → a short line saying what it did, for addresses to block at the edge. */
    final Map<String, String> external = new LinkedHashMap<>();
    /** The same for internal addresses. */
    final Map<String, String> internal = new LinkedHashMap<>();

    static AttackerAddresses of(List<ActorChain> chains) {
        AttackerAddresses found = new AttackerAddresses();
        for (ActorChain chain : chains) {
            long serious = chain.levels().getOrDefault("critical", 0L) + chain.levels().getOrDefault("high", 0L);
            if (serious == 0) continue;
            List<String> addresses = new ArrayList<>(chain.addresses());
            if (addresses.isEmpty() && chain.actor() != null) addresses.add(chain.actor());
            String what = chain.findings() + (chain.findings() == 1 ? " finding" : " findings")
                    + (chain.first() == null ? "" : ", " + chain.first() + " to " + chain.last());
            for (String address : addresses) {
                if (address == null || address.isBlank()) continue;
                (isInternal(address) ? found.internal : found.external).putIfAbsent(address, what);
            }
        }
        return found;
    }

    boolean isEmpty() {
        return external.isEmpty() && internal.isEmpty();
    }

    /** RFC 1918, loopback and link-local IPv4; loopback, unique-local and link-local IPv6. */
    static boolean isInternal(String address) {
        String a = address.trim();
        var m = IPV4.matcher(a);
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            return first == 10 || first == 127 || (first == 172 && second >= 16 && second <= 31)
                    || (first == 192 && second == 168) || (first == 169 && second == 254);
        }
        String lower = a.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("::1") || lower.startsWith("fc") || lower.startsWith("fd") || lower.startsWith("fe8")
                || lower.startsWith("fe9") || lower.startsWith("fea") || lower.startsWith("feb");
    }
}
