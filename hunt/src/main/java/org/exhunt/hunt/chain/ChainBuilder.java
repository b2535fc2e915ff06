package org.exhunt.hunt.chain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.exhunt.hunt.attack.Resemblance;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.report.ActorChain;

/**
 * Correlates findings from every source into one {@link ActorChain} per actor.
 *
 * <p>What makes one actor:
 * <ul>
 * <li>the same client address (IIS {@code c-ip}, HttpProxy {@code ClientIpAddress}, ECP {@code S:IP});</li>
 * <li>a request the server relayed to itself (logged by the back-end site on port 444, or with the
 *     server's own or a loopback address as client) joins the client request with the same user
 *     agent closest in time, at most 30 s apart; the server's address is then not listed as the
 *     actor's, and stands for an actor only when no such client request was logged;</li>
 * <li>addresses that used the same web shell: an answered request to the same script page, when the
 *     page was found on disk or a web-shell rule flagged the request;</li>
 * <li>addresses that acted as the same real account (not SYSTEM, anonymous, machine accounts or
 *     Exchange's health and system mailboxes);</li>
 * <li>a web-shell file found on disk joins the actor that requested it (request path = a tail of
 *     the file's path, case and {@code \} vs {@code /} aside);</li>
 * <li>processes started by {@code w3wp.exe} or {@code UMWorkerProcess.exe}, and their descendants,
 *     join the actor that used a web shell or exploited the server closest before, at most
 *     {@link #DEFAULT_WINDOW} earlier (see {@link #window}); so do server-side findings that name a
 *     CVE and a successful exploit but no client.</li>
 * </ul>
 * Findings tied to no actor form the last chain (actor {@code null}): host activity and files no
 * one was seen requesting. Every client address appears in exactly one chain.
 *
 * <pre>{@code
 * List<ActorChain> chains = ChainBuilder.standard().resemblances(catalog::resemblances).build(findings);
 * }</pre>
 */
public final class ChainBuilder {

    /**
     * How long after an exploit or web shell request a process or server-side finding is still
     * taken as its consequence. A web shell's command runs within a second of the request; ten
     * minutes leaves room for slow tools (an archive of a mailbox export) without tying the
     * activity of the next hour to the wrong client.
     */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private static final Function<Collection<String>, List<Resemblance>> NONE = ids -> List.of();

    /** Below this many findings per thread, reading keys or telling a chain on more threads costs more than it saves. */
    static final int MIN_KEYS_PER_THREAD = 4096;

    private final Function<Collection<String>, List<Resemblance>> resemblances;
    private final Duration window;
    private final int threads;

    private ChainBuilder(Function<Collection<String>, List<Resemblance>> resemblances, Duration window, int threads) {
        this.resemblances = resemblances;
        this.window = window;
        this.threads = threads;
    }

    /** A builder with no resemblance catalog and the default window, on the calling thread alone. */
    public static ChainBuilder standard() {
        return new ChainBuilder(NONE, DEFAULT_WINDOW, 1);
    }

    /**
     * The same builder, asking {@code catalog} which known groups a chain's ATT&amp;CK technique ids
     * ({@code T1505.003}, …) resemble; {@code null} means none.
     */
    public ChainBuilder resemblances(Function<Collection<String>, List<Resemblance>> catalog) {
        return new ChainBuilder(catalog == null ? NONE : catalog, window, threads);
    }

    /** The same builder with another window for tying processes and server-side findings to actors. */
    public ChainBuilder window(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) throw new IllegalArgumentException("window must not be negative: " + window);
        return new ChainBuilder(resemblances, window, threads);
    }

    /**
     * The same builder, reading the findings' keys on up to {@code threads} threads; the chains are
     * the same for any number.
     */
    public ChainBuilder threads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        return new ChainBuilder(resemblances, window, threads);
    }

    /**
     * Chains in order of most severe level, then most findings, then first seen, then main address;
     * the chain of findings tied to no address comes last.
     */
    public List<ActorChain> build(List<Finding> findings) {
        List<Finding> all = List.copyOf(findings);
        Keys[] keys = keysOf(all);
        Keys.spreadRelays(all, keys);
        Correlation correlation = new Correlation(all, keys, window);
        correlation.run();
        int[] owners = correlation.owners();
        String[] shellPaths = new String[all.size()];
        for (int i = 0; i < shellPaths.length; i++) shellPaths[i] = correlation.shellPath(i);

        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        List<Integer> anonymous = new ArrayList<>();
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] == Correlation.NONE) anonymous.add(i);
            else groups.computeIfAbsent(owners[i], k -> new ArrayList<>()).add(i);
        }
        ChainAssembler assembler = new ChainAssembler(resemblances, threads);
        List<ActorChain> chains = new ArrayList<>();
        for (List<Integer> members : groups.values()) {
            chains.add(assembler.assemble(all, keys, shellPaths, members, false));
        }
        chains.sort(Comparator.comparing(ChainBuilder::worstLevel).reversed()
                .thenComparing(Comparator.comparingLong(ActorChain::findings).reversed())
                .thenComparing(ActorChain::first, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ActorChain::actor));
        if (!anonymous.isEmpty()) chains.add(assembler.assemble(all, keys, shellPaths, anonymous, true));
        return chains;
    }

    /**
     * Every finding's keys, read in contiguous ranges, one per thread (the first on this one): each
     * finding's keys depend on that finding alone.
     */
    private Keys[] keysOf(List<Finding> all) {
        Keys[] keys = new Keys[all.size()];
        int ranges = InRanges.count(keys.length, threads, MIN_KEYS_PER_THREAD);
        InRanges.run(ranges, r -> {
            int to = InRanges.start(keys.length, r + 1, ranges);
            for (int i = InRanges.start(keys.length, r, ranges); i < to; i++) keys[i] = Keys.of(all.get(i));
        });
        return keys;
    }

    private static Level worstLevel(ActorChain chain) {
        return chain.levels().isEmpty() ? Level.INFORMATIONAL
                : Level.parse(chain.levels().keySet().iterator().next());
    }
}
