package org.exhunt.sigma.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.CorrelationRule;
import org.exhunt.sigma.RuleMatch;
import org.exhunt.sigma.RuleProblem;
import org.exhunt.sigma.SigmaRule;

/**
 * The working part of {@link org.exhunt.sigma.Correlator}; use that class, this one is public
 * only because the façade lives in another package.
 */
public final class CorrelationRuntime {

    /** Where a detection rule's matches go: which correlation, as which of its referenced rules. */
    private record Consumer(CorrelationPlan plan, CorrelationInput input) {
    }

    private final List<CorrelationPlan> plans;
    private final Map<SigmaRule, List<Consumer>> consumersByRule = new IdentityHashMap<>();
    /** For matches whose rule object is a copy of a loaded one: the same consumers, by id. */
    private final Map<String, List<Consumer>> consumersById = new HashMap<>();
    private final Map<Object, Boolean> silenced = new IdentityHashMap<>();
    private final Set<String> silencedIds = new HashSet<>();
    private final Map<SigmaRule, Boolean> loaded = new IdentityHashMap<>();
    private final List<RuleProblem> problems;
    private final AtomicBoolean finished = new AtomicBoolean();

    private CorrelationRuntime(List<SigmaRule> rules, PlanResolver.Resolution resolution) {
        rules.forEach(rule -> loaded.put(rule, true));
        this.plans = resolution.plans();
        this.problems = new CopyOnWriteArrayList<>(resolution.problems());
        Map<Object, Boolean> emitted = new IdentityHashMap<>();
        for (CorrelationPlan plan : plans) {
            for (CorrelationInput input : plan.inputs) {
                Object target = input.rule() != null ? input.rule() : input.correlation();
                if (plan.rule.generate()) {
                    emitted.put(target, true);
                } else {
                    silenced.put(target, true);
                }
                if (input.rule() != null) {
                    Consumer consumer = new Consumer(plan, input);
                    consumersByRule.computeIfAbsent(input.rule(), r -> new ArrayList<>()).add(consumer);
                    if (input.rule().id() != null) {
                        consumersById.computeIfAbsent(input.rule().id(), r -> new ArrayList<>()).add(consumer);
                    }
                }
            }
        }
        emitted.keySet().forEach(silenced::remove);
        for (Object target : silenced.keySet()) {
            if (target instanceof SigmaRule rule && rule.id() != null) {
                silencedIds.add(rule.id());
            }
        }
    }

    public static CorrelationRuntime create(List<SigmaRule> rules, List<CorrelationRule> correlations) {
        return new CorrelationRuntime(rules, PlanResolver.resolve(rules, correlations));
    }

    public List<RuleProblem> problems() {
        return List.copyOf(problems);
    }

    public boolean wants(SigmaRule rule) {
        return !consumers(rule).isEmpty();
    }

    public boolean reportsOnItsOwn(SigmaRule rule) {
        if (loaded.containsKey(rule)) {
            return !silenced.containsKey(rule);
        }
        // A copy of a loaded rule (same id) is the same rule to the correlations.
        return rule == null || rule.id() == null || !silencedIds.contains(rule.id());
    }

    public boolean reportsOnItsOwn(CorrelationRule rule) {
        return !silenced.containsKey(rule);
    }

    private List<Consumer> consumers(SigmaRule rule) {
        List<Consumer> consumers = consumersByRule.get(rule);
        if (consumers == null && rule != null && rule.id() != null && !loaded.containsKey(rule)) {
            consumers = consumersById.get(rule.id());
        }
        return consumers == null ? List.of() : consumers;
    }

    public void accept(RuleMatch match) {
        if (finished.get()) {
            throw new IllegalStateException("matches can no longer be accepted: the correlations were evaluated");
        }
        for (Consumer consumer : consumers(match.rule())) {
            Instant time = match.event().timestamp();
            CorrelationPlan plan = consumer.plan();
            if (time == null) {
                plan.withoutTime.increment();
                continue;
            }
            observe(plan, consumer.input(), time, field -> FieldReader.read(match, field), match, null);
        }
    }

    /**
     * Reads what the correlation needs from one match, at once (the event may be reused after this
     * call), and queues it; a match without a value for a group-by field is only counted.
     */
    private static void observe(CorrelationPlan plan, CorrelationInput input, Instant time,
            Function<String, Object> fields, RuleMatch ruleMatch, CorrelationMatch innerMatch) {
        List<String> groupFields = input.groupFields();
        List<String> group = new ArrayList<>(groupFields.size());
        List<Object> groupValues = new ArrayList<>(groupFields.size());
        for (String field : groupFields) {
            Object value = fields.apply(field);
            if (value == null) {
                plan.withoutGroup.increment();
                return;
            }
            group.add(FieldReader.text(value));
            groupValues.add(value);
        }
        Object value = null;
        List<String> valueFields = input.valueFields();
        if (plan.rule.type() == CorrelationType.VALUE_COUNT) {
            List<String> combined = new ArrayList<>(valueFields.size());
            for (String field : valueFields) {
                Object part = fields.apply(field);
                if (part == null) {
                    combined = null;
                    break;
                }
                combined.add(FieldReader.text(part));
            }
            value = combined;
        } else if (!valueFields.isEmpty()) {
            Object raw = fields.apply(valueFields.get(0));
            value = FieldReader.number(raw);
            if (raw != null && value == null) {
                plan.notNumeric.increment();
            }
        }
        plan.observations.add(new Observation(time, input.index(), group, groupValues, value,
                ruleMatch, innerMatch, plan.arrivals.getAndIncrement()));
    }

    public List<CorrelationMatch> finish() {
        if (!finished.compareAndSet(false, true)) {
            throw new IllegalStateException("the correlations were already evaluated");
        }
        Map<CorrelationRule, List<CorrelationMatch>> matchesOf = new IdentityHashMap<>();
        List<CorrelationMatch> reported = new ArrayList<>();
        for (CorrelationPlan plan : plans) {
            feedInnerMatches(plan, matchesOf);
            List<CorrelationMatch> found = evaluate(plan);
            matchesOf.put(plan.rule, found);
            if (reportsOnItsOwn(plan.rule)) {
                reported.addAll(found);
            }
            noteDropped(plan);
        }
        reported.sort(Comparator.comparing(CorrelationMatch::first)
                .thenComparing(m -> m.rule().source(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(m -> m.rule().line())
                .thenComparing(m -> m.rule().title(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(CorrelationMatch::triggeredAt)
                .thenComparing(m -> m.groupValues().toString()));
        return Collections.unmodifiableList(reported);
    }

    /** A chained correlation sees each match of its inner correlation as one event at its trigger time. */
    private static void feedInnerMatches(CorrelationPlan plan, Map<CorrelationRule, List<CorrelationMatch>> matchesOf) {
        for (CorrelationInput input : plan.inputs) {
            if (input.correlation() == null) {
                continue;
            }
            for (CorrelationMatch inner : matchesOf.getOrDefault(input.correlation(), List.of())) {
                observe(plan, input, inner.triggeredAt(), field -> FieldReader.read(inner, field), null, inner);
            }
        }
    }

    private static List<CorrelationMatch> evaluate(CorrelationPlan plan) {
        Map<List<String>, List<Observation>> groups = new LinkedHashMap<>();
        for (Observation observation : plan.observations) {
            groups.computeIfAbsent(observation.group(), g -> new ArrayList<>()).add(observation);
        }
        plan.observations.clear();
        Comparator<Observation> inTime = Comparator.comparing(Observation::time)
                .thenComparingInt(Observation::input)
                .thenComparingLong(Observation::arrival);
        List<CorrelationMatch> found = new ArrayList<>();
        for (List<Observation> group : groups.values()) {
            group.sort(inTime);
            found.addAll(EpisodeFinder.find(plan.rule, group));
        }
        found.sort(Comparator.comparing(CorrelationMatch::triggeredAt)
                .thenComparing(m -> m.groupValues().toString()));
        return found;
    }

    private void noteDropped(CorrelationPlan plan) {
        CorrelationRule rule = plan.rule;
        long withoutTime = plan.withoutTime.sum();
        if (withoutTime > 0) {
            problems.add(new RuleProblem(rule.source(), rule.line(), withoutTime
                    + " match(es) of the referenced rules had no event time and could not be correlated"));
        }
        long withoutGroup = plan.withoutGroup.sum();
        if (withoutGroup > 0) {
            problems.add(new RuleProblem(rule.source(), rule.line(), withoutGroup
                    + " match(es) lacked a value for a group-by field (" + String.join(", ", rule.groupBy())
                    + ") and were not correlated"));
        }
        long notNumeric = plan.notNumeric.sum();
        if (notNumeric > 0) {
            problems.add(new RuleProblem(rule.source(), rule.line(), notNumeric + " value(s) of field "
                    + String.join(", ", rule.condition().fields()) + " were not numbers and were left out of the "
                    + rule.type()));
        }
    }
}
