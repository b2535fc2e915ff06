package org.exhunt.hunt.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.exhunt.hunt.attack.Resemblance;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.report.ActorChain;

/** Tells one actor's findings as an {@link ActorChain}: who, when, stages, steps and a summary. */
final class ChainAssembler {

    private final Function<Collection<String>, List<Resemblance>> resemblances;
    private final int threads;

    ChainAssembler(Function<Collection<String>, List<Resemblance>> resemblances) {
        this(resemblances, 1);
    }

    /** An assembler that tallies a large chain's findings on up to {@code threads} threads. */
    ChainAssembler(Function<Collection<String>, List<Resemblance>> resemblances, int threads) {
        this.resemblances = resemblances;
        this.threads = threads;
    }

    /**
     * @param members    indices of the actor's findings
     * @param shellPaths per finding (by index into {@code all}), the web shell it shows, or null
     * @param anonymous  whether these are the findings tied to no address
     */
    ActorChain assemble(List<Finding> all, Keys[] keys, String[] shellPaths, List<Integer> members,
                        boolean anonymous) {
        // One chain can hold every finding of a scan (host events tied to no address): its members
        // are tallied in contiguous ranges at once, and the tallies joined in member order.
        int ranges = InRanges.count(members.size(), threads, ChainBuilder.MIN_KEYS_PER_THREAD);
        Tally[] tallies = new Tally[ranges];
        InRanges.run(ranges, r -> {
            Tally tally = new Tally();
            int to = InRanges.start(members.size(), r + 1, ranges);
            for (int m = InRanges.start(members.size(), r, ranges); m < to; m++) {
                int i = members.get(m);
                tally.add(all.get(i), keys[i], shellPaths[i]);
            }
            tallies[r] = tally;
        });
        Tally tally = tallies[0];
        for (int r = 1; r < ranges; r++) tally.absorb(tallies[r]);
        Map<String, Long> perAddress = tally.perAddress;
        Map<String, Long> relays = tally.relays;
        TreeSet<String> userAgents = tally.userAgents;
        TreeMap<String, String> accounts = tally.accounts;
        TreeSet<String> webShells = tally.webShells;
        Instant first = tally.first, last = tally.last;
        Map<Level, Long> levels = tally.levels;
        TreeSet<String> tactics = tally.tactics;
        TreeSet<String> cves = tally.cves;
        Map<String, Long> ruleCounts = tally.ruleCounts;
        Map<String, Finding> ruleSample = tally.ruleSample;
        Map<String, StageBuilder> stages = tally.stages;
        Map<String, StepBuilder> steps = tally.steps;
        TreeSet<String> techniques = tally.techniques;

        List<String> addresses = orderedAddresses(perAddress.isEmpty() ? relays : perAddress);
        String actor = anonymous || addresses.isEmpty() ? null : addresses.get(0);
        Map<String, Long> levelWords = new LinkedHashMap<>();
        for (int i = Level.values().length - 1; i >= 0; i--) {
            Level level = Level.values()[i];
            if (levels.containsKey(level)) levelWords.put(level.word(), levels.get(level));
        }
        List<ActorChain.RuleCount> rules = new ArrayList<>();
        ruleCounts.forEach((id, n) -> {
            Finding sample = ruleSample.get(id);
            rules.add(new ActorChain.RuleCount(id, sample.rule().title(), sample.level().word(), n));
        });
        rules.sort(Comparator.comparingLong(ActorChain.RuleCount::count).reversed()
                .thenComparing(ActorChain.RuleCount::id));
        List<StageBuilder> stageList = new ArrayList<>(stages.values());
        stageList.sort(Comparator.comparingInt(s -> KillChain.rank(s.tactic)));
        List<ActorChain.Step> stepList = new ArrayList<>();
        steps.values().forEach(s -> stepList.add(s.build()));
        stepList.sort(Comparator.comparing(ActorChain.Step::time, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(s -> KillChain.rank(s.tactic()))
                .thenComparing(ActorChain.Step::ruleId)
                .thenComparing(ActorChain.Step::address, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ActorChain.Step::target, Comparator.nullsFirst(Comparator.naturalOrder())));
        String summary = Summary.write(addresses, first, last, List.copyOf(cves), stageList,
                List.copyOf(webShells), List.copyOf(userAgents), rules);
        List<Resemblance> resembles = techniques.isEmpty() ? List.of()
                : resemblances.apply(List.copyOf(techniques));
        return new ActorChain(actor, addresses, List.copyOf(userAgents), List.copyOf(accounts.values()),
                List.copyOf(webShells), first, last, members.size(), levelWords, List.copyOf(tactics),
                List.copyOf(cves), rules, stageList.stream().map(StageBuilder::build).toList(), stepList,
                summary, resembles == null ? List.of() : resembles);
    }

    /** The address with most findings first (ties: the smaller text), the rest sorted. */
    private static List<String> orderedAddresses(Map<String, Long> perAddress) {
        if (perAddress.isEmpty()) return List.of();
        String main = null;
        for (Map.Entry<String, Long> e : perAddress.entrySet()) {
            if (main == null || e.getValue() > perAddress.get(main)
                    || (e.getValue().equals(perAddress.get(main)) && e.getKey().compareTo(main) < 0)) {
                main = e.getKey();
            }
        }
        List<String> out = new ArrayList<>();
        out.add(main);
        TreeSet<String> rest = new TreeSet<>(perAddress.keySet());
        rest.remove(main);
        out.addAll(rest);
        return out;
    }

    /** What a finding was about: the requested path, the file written, the command, or the file itself. */
    private static String target(Keys k) {
        if (k.uri != null) return k.uri;
        if (k.targetFile != null) return k.targetFile;
        if (k.commandLine != null) return k.commandLine;
        return k.filePath;
    }

    /**
     * What a run of a chain's findings adds up to. Tallies of consecutive runs join into the tally
     * of the whole: counts add, sets unite, and where the first finding of a kind is kept (a rule's
     * sample, an account's spelling, a step's earliest finding) the earlier run's stays.
     */
    private static final class Tally {
        final Map<String, Long> perAddress = new HashMap<>();
        // The server's own address, on requests it relayed, names the actor only when nothing else does.
        final Map<String, Long> relays = new HashMap<>();
        final TreeSet<String> userAgents = new TreeSet<>();
        final TreeMap<String, String> accounts = new TreeMap<>();
        final TreeSet<String> webShells = new TreeSet<>();
        Instant first, last;
        final Map<Level, Long> levels = new EnumMap<>(Level.class);
        final TreeSet<String> tactics = new TreeSet<>(Comparator.comparingInt(KillChain::rank));
        final TreeSet<String> cves = new TreeSet<>();
        final Map<String, Long> ruleCounts = new TreeMap<>();
        final Map<String, Finding> ruleSample = new HashMap<>();
        final Map<String, StageBuilder> stages = new HashMap<>();
        final Map<String, StepBuilder> steps = new LinkedHashMap<>();
        final TreeSet<String> techniques = new TreeSet<>();
        // A chain holds up to every finding of the scan but only as many tag lists as rules: read each once.
        private final Map<List<String>, TagFacts> tagFacts = new HashMap<>();

        void add(Finding f, Keys k, String shellPath) {
            if (k.address != null) (k.relayed ? relays : perAddress).merge(k.address, 1L, Long::sum);
            if (k.userAgent != null) userAgents.add(k.userAgent);
            if (f.actor() != null && f.actor().user() != null) {
                String key = Accounts.key(f.actor().user());
                if (key != null) accounts.putIfAbsent(key, f.actor().user().trim());
            }
            if (shellPath != null) webShells.add(shellPath);
            seen(f.time(), f.time());
            levels.merge(f.level(), 1L, Long::sum);
            TagFacts facts = tagFacts.computeIfAbsent(f.rule().tags(), TagFacts::of);
            cves.addAll(facts.cves);
            facts.tactics.forEach((tactic, ids) -> {
                tactics.add(tactic);
                techniques.addAll(ids);
                stages.computeIfAbsent(tactic, StageBuilder::new).add(f, ids);
            });
            ruleCounts.merge(f.rule().id(), 1L, Long::sum);
            ruleSample.putIfAbsent(f.rule().id(), f);
            String target = target(k);
            String stepKey = f.rule().id() + '\u0000' + k.address + '\u0000' + target;
            steps.computeIfAbsent(stepKey, x -> new StepBuilder(f, k.address, target)).add(f);
        }

        private void seen(Instant from, Instant to) {
            if (from != null && (first == null || from.isBefore(first))) first = from;
            if (to != null && (last == null || to.isAfter(last))) last = to;
        }

        /** Adds the tally of the findings that follow this one's. */
        void absorb(Tally later) {
            later.perAddress.forEach((a, n) -> perAddress.merge(a, n, Long::sum));
            later.relays.forEach((a, n) -> relays.merge(a, n, Long::sum));
            userAgents.addAll(later.userAgents);
            later.accounts.forEach(accounts::putIfAbsent);
            webShells.addAll(later.webShells);
            seen(later.first, later.last);
            later.levels.forEach((l, n) -> levels.merge(l, n, Long::sum));
            tactics.addAll(later.tactics);
            cves.addAll(later.cves);
            later.ruleCounts.forEach((id, n) -> ruleCounts.merge(id, n, Long::sum));
            later.ruleSample.forEach(ruleSample::putIfAbsent);
            later.stages.forEach((tactic, stage) -> {
                StageBuilder mine = stages.putIfAbsent(tactic, stage);
                if (mine != null) mine.absorb(stage);
            });
            later.steps.forEach((key, step) -> {
                StepBuilder mine = steps.putIfAbsent(key, step);
                if (mine != null) mine.absorb(step);
            });
            techniques.addAll(later.techniques);
        }
    }

    /** What a rule's tags say for a chain: the CVEs they name, and the tactics with their techniques. */
    private record TagFacts(List<String> cves, Map<String, List<String>> tactics) {
        static TagFacts of(List<String> tags) {
            List<String> cves = new ArrayList<>();
            for (String tag : tags) {
                String cve = KillChain.cve(tag);
                if (cve != null) cves.add(cve);
            }
            return new TagFacts(cves, KillChain.tacticsWithTechniques(tags));
        }
    }

    /** One tactic's findings as they are added. */
    static final class StageBuilder {
        final String tactic;
        Instant first, last;
        long count;
        final TreeSet<String> techniques = new TreeSet<>();
        /** Per rule: the sample finding and how many findings it gave in this stage. */
        final Map<String, Long> perRule = new HashMap<>();
        final Map<String, Finding> samples = new HashMap<>();

        StageBuilder(String tactic) {
            this.tactic = tactic;
        }

        void add(Finding f, List<String> ids) {
            count++;
            techniques.addAll(ids);
            if (f.time() != null) {
                if (first == null || f.time().isBefore(first)) first = f.time();
                if (last == null || f.time().isAfter(last)) last = f.time();
            }
            perRule.merge(f.rule().id(), 1L, Long::sum);
            samples.putIfAbsent(f.rule().id(), f);
        }

        /** Adds the stage's findings that follow this one's. */
        void absorb(StageBuilder later) {
            count += later.count;
            techniques.addAll(later.techniques);
            if (later.first != null && (first == null || later.first.isBefore(first))) first = later.first;
            if (later.last != null && (last == null || later.last.isAfter(last))) last = later.last;
            later.perRule.forEach((id, n) -> perRule.merge(id, n, Long::sum));
            later.samples.forEach(samples::putIfAbsent);
        }

        /** The stage's telling rule: the most severe, then the most frequent, then by id. */
        Finding leading() {
            Finding best = null;
            for (Map.Entry<String, Long> e : new TreeMap<>(perRule).entrySet()) {
                Finding f = samples.get(e.getKey());
                if (best == null || f.level().compareTo(best.level()) > 0
                        || (f.level() == best.level() && e.getValue() > perRule.get(best.rule().id()))) {
                    best = f;
                }
            }
            return best;
        }

        ActorChain.Stage build() {
            return new ActorChain.Stage(tactic, first, last, count, List.copyOf(techniques));
        }
    }

    /** Findings of one rule by one address on one target, as they are added. */
    private static final class StepBuilder {
        private final Finding sample;
        private final String address;
        private final String target;
        private Finding earliest;
        private Instant last;
        private long count;

        StepBuilder(Finding sample, String address, String target) {
            this.sample = sample;
            this.address = address;
            this.target = target;
        }

        void add(Finding f) {
            count++;
            if (earliest == null || (f.time() != null
                    && (earliest.time() == null || f.time().isBefore(earliest.time())))) {
                earliest = f;
            }
            if (f.time() != null && (last == null || f.time().isAfter(last))) last = f.time();
        }

        /** Adds the step's findings that follow this one's, as {@link #add} would one by one. */
        void absorb(StepBuilder later) {
            count += later.count;
            Instant at = later.earliest.time();
            if (at != null && (earliest.time() == null || at.isBefore(earliest.time()))) earliest = later.earliest;
            if (later.last != null && (last == null || later.last.isAfter(last))) last = later.last;
        }

        ActorChain.Step build() {
            String evidence = earliest.source() == null ? null : earliest.source().toString();
            return new ActorChain.Step(earliest.time(), last, KillChain.firstTactic(sample.rule().tags()),
                    sample.rule().id(), sample.rule().title(), sample.level().word(), address, target,
                    evidence, count);
        }
    }
}
