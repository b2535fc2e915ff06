package org.exhunt.sigma.correlation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.exhunt.sigma.CorrelationRule;
import org.exhunt.sigma.RuleProblem;
import org.exhunt.sigma.SigmaRule;

/**
 * Resolves the references of every correlation to the rules they name, applies aliases, and
 * orders the correlations so that each comes after the correlations it refers to. A correlation
 * that cannot run is left out with a problem, and so is every correlation that refers to it.
 */
final class PlanResolver {

    /** The runnable correlations, inner ones first, and why the others cannot run. */
    record Resolution(List<CorrelationPlan> plans, List<RuleProblem> problems) {
    }

    private final List<SigmaRule> rules;
    private final List<CorrelationRule> correlations;
    private final List<RuleProblem> problems = new ArrayList<>();
    /** Resolved referenced targets per correlation: a SigmaRule or a CorrelationRule each. */
    private final Map<CorrelationRule, List<Object>> targets = new IdentityHashMap<>();
    private final Map<CorrelationRule, CorrelationPlan> plans = new IdentityHashMap<>();
    private final Map<CorrelationRule, Boolean> failed = new IdentityHashMap<>();

    private PlanResolver(List<SigmaRule> rules, List<CorrelationRule> correlations) {
        this.rules = rules;
        this.correlations = correlations;
    }

    static Resolution resolve(List<SigmaRule> rules, List<CorrelationRule> correlations) {
        return new PlanResolver(rules, correlations).run();
    }

    private Resolution run() {
        for (CorrelationRule correlation : correlations) {
            List<Object> resolved = resolveReferences(correlation);
            if (resolved != null) {
                targets.put(correlation, resolved);
            } else {
                failed.put(correlation, true);
            }
        }
        List<CorrelationPlan> ordered = new ArrayList<>();
        Map<CorrelationRule, Boolean> visiting = new LinkedHashMap<>();
        for (CorrelationRule correlation : correlations) {
            order(correlation, visiting, ordered);
        }
        return new Resolution(List.copyOf(ordered), List.copyOf(problems));
    }

    /** Depth-first: a correlation's inner correlations are planned before it. Returns whether it runs. */
    private boolean order(CorrelationRule correlation, Map<CorrelationRule, Boolean> visiting,
            List<CorrelationPlan> ordered) {
        if (plans.containsKey(correlation)) {
            return true;
        }
        if (failed.containsKey(correlation)) {
            return false;
        }
        if (visiting.containsKey(correlation)) {
            failed.put(correlation, true);
            problem(correlation, "refers back to itself through its chain of correlations ("
                    + chain(visiting, correlation) + "); a correlation chain must not loop");
            return false;
        }
        visiting.put(correlation, true);
        for (Object target : targets.get(correlation)) {
            if (target instanceof CorrelationRule inner && !order(inner, visiting, ordered)) {
                visiting.remove(correlation);
                if (!failed.containsKey(correlation)) {
                    failed.put(correlation, true);
                    problem(correlation, "refers to " + describe(inner) + ", which cannot run");
                }
                return false;
            }
        }
        visiting.remove(correlation);
        CorrelationPlan plan = plan(correlation, targets.get(correlation));
        if (plan == null) {
            failed.put(correlation, true);
            return false;
        }
        plans.put(correlation, plan);
        ordered.add(plan);
        return true;
    }

    private static String chain(Map<CorrelationRule, Boolean> visiting, CorrelationRule back) {
        return visiting.keySet().stream().map(PlanResolver::label).collect(Collectors.joining(" -> "))
                + " -> " + label(back);
    }

    private List<Object> resolveReferences(CorrelationRule correlation) {
        List<Object> resolved = new ArrayList<>();
        boolean ok = true;
        for (String reference : correlation.ruleRefs()) {
            Object target = lookUp(correlation, reference, "correlation.rules");
            if (target == null) {
                ok = false;
                continue;
            }
            if (resolved.stream().anyMatch(seen -> seen == target)) {
                problem(correlation, "correlation.rules refers to " + describe(target)
                        + " twice (by id and by name)");
                ok = false;
                continue;
            }
            resolved.add(target);
        }
        return ok ? resolved : null;
    }

    private Object lookUp(CorrelationRule correlation, String reference, String where) {
        List<Object> found = new ArrayList<>();
        for (SigmaRule rule : rules) {
            if (reference.equals(rule.id()) || reference.equals(rule.name())) {
                found.add(rule);
            }
        }
        for (CorrelationRule other : correlations) {
            if (reference.equals(other.id()) || reference.equals(other.name())) {
                found.add(other);
            }
        }
        if (found.isEmpty()) {
            problem(correlation, where + " refers to '" + reference
                    + "', but no loaded rule or correlation has that id or name");
            return null;
        }
        if (found.size() > 1) {
            problem(correlation, where + " refers to '" + reference + "', which is the id or name of "
                    + found.size() + " rules: " + found.stream().map(PlanResolver::describe)
                            .collect(Collectors.joining(", ")) + "; names and ids must be unique");
            return null;
        }
        return found.get(0);
    }

    private CorrelationPlan plan(CorrelationRule correlation, List<Object> resolved) {
        // alias → (resolved target → field)
        Map<String, Map<Object, String>> aliasFields = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> alias : correlation.aliases().entrySet()) {
            Map<Object, String> perTarget = new IdentityHashMap<>();
            for (Map.Entry<String, String> entry : alias.getValue().entrySet()) {
                String where = "correlation.aliases." + alias.getKey();
                Object target = lookUp(correlation, entry.getKey(), where);
                if (target == null) {
                    return null;
                }
                if (resolved.stream().noneMatch(r -> r == target)) {
                    problem(correlation, where + " names '" + entry.getKey()
                            + "', which is not among the rules the correlation refers to ("
                            + String.join(", ", correlation.ruleRefs()) + ")");
                    return null;
                }
                perTarget.put(target, entry.getValue());
            }
            aliasFields.put(alias.getKey(), perTarget);
        }
        List<CorrelationInput> inputs = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            Object target = resolved.get(i);
            inputs.add(new CorrelationInput(i, correlation.ruleRefs().get(i),
                    target instanceof SigmaRule rule ? rule : null,
                    target instanceof CorrelationRule inner ? inner : null,
                    fieldsFor(correlation.groupBy(), aliasFields, target),
                    fieldsFor(correlation.condition().fields(), aliasFields, target)));
        }
        return new CorrelationPlan(correlation, inputs);
    }

    /** The event field to read per named field: the alias's field for this rule, else the name itself. */
    private static List<String> fieldsFor(List<String> names, Map<String, Map<Object, String>> aliasFields,
            Object target) {
        List<String> fields = new ArrayList<>(names.size());
        for (String name : names) {
            Map<Object, String> perTarget = aliasFields.get(name);
            String field = perTarget == null ? null : perTarget.get(target);
            fields.add(field == null ? name : field);
        }
        return fields;
    }

    private void problem(CorrelationRule correlation, String reason) {
        problems.add(new RuleProblem(correlation.source(), correlation.line(), reason));
    }

    private static String describe(Object target) {
        if (target instanceof SigmaRule rule) {
            return "rule '" + rule.title() + "' (" + rule.source() + ":" + rule.line() + ")";
        }
        CorrelationRule correlation = (CorrelationRule) target;
        return "correlation '" + correlation.title() + "' (" + correlation.source() + ":" + correlation.line() + ")";
    }

    private static String label(CorrelationRule correlation) {
        return "'" + (correlation.name() != null ? correlation.name()
                : correlation.id() != null ? correlation.id() : correlation.title()) + "'";
    }
}
