package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exhunt.sigma.condition.Condition;
import org.exhunt.sigma.condition.IdentifierPattern;
import org.exhunt.sigma.value.FieldPredicate;
import org.exhunt.sigma.value.ValueContext;
import org.exhunt.sigma.value.ValueException;

/**
 * Compiles a {@link Detection} into a {@link RuleNode} tree: maps field names through the
 * pipeline, compiles each item with the value modifiers, and resolves the condition's
 * identifiers and quantifiers against the selections.
 */
final class RuleCompiler {

    private final Pipeline pipeline;
    private final Logsource logsource;
    private final ValueContext context;
    private final ItemCompiler items;
    private final Set<String> fieldsRead = new LinkedHashSet<>();

    private RuleCompiler(Pipeline pipeline, Logsource logsource, ItemCompiler items) {
        this.pipeline = pipeline;
        this.items = items;
        this.logsource = logsource;
        this.context = new PipelineValueContext(pipeline, logsource);
    }

    /** The rule with every filter that targets it: {@code rule and not filter1 and not filter2 ...}. */
    static CompiledRule compile(SigmaRule rule, List<SigmaFilter> filters, Pipeline pipeline, ItemCompiler items)
            throws CompileException {
        RuleCompiler compiler = new RuleCompiler(pipeline, rule.logsource(), items);
        RuleNode root = compiler.detection(rule.detection());
        List<String> ruleFields = List.copyOf(compiler.fieldsRead);
        List<RuleNode> parts = new ArrayList<>();
        parts.add(root);
        for (SigmaFilter f : filters) {
            if (!f.targets(rule)) {
                continue;
            }
            RuleCompiler filterCompiler = new RuleCompiler(pipeline, rule.logsource(), items);
            try {
                parts.add(RuleNode.not(filterCompiler.detection(f.detection())));
            } catch (CompileException e) {
                throw new CompileException(e.line(), "filter " + f.source() + ":" + f.line() + " cannot apply: " + e.getMessage());
            }
        }
        return new CompiledRule(rule, RuleNode.all(parts), ruleFields);
    }

    private RuleNode detection(Detection d) throws CompileException {
        Map<String, RuleNode> selections = new LinkedHashMap<>();
        for (Selection s : d.selections().values()) {
            selections.put(s.identifier(), selection(s));
        }
        List<RuleNode> conditions = new ArrayList<>();
        for (int i = 0; i < d.conditions().size(); i++) {
            conditions.add(condition(d.conditions().get(i), selections, d.conditionTexts().get(i), d.conditionLine()));
        }
        return RuleNode.any(conditions);
    }

    private RuleNode selection(Selection s) throws CompileException {
        List<RuleNode> alternatives = new ArrayList<>();
        for (List<DetectionItem> items : s.alternatives()) {
            List<RuleNode> and = new ArrayList<>();
            for (DetectionItem item : items) {
                and.add(item(s.identifier(), item));
            }
            if (and.isEmpty()) {
                throw new CompileException(s.line(), "search identifier '" + s.identifier() + "' has an empty map");
            }
            alternatives.add(RuleNode.all(and));
        }
        return RuleNode.any(alternatives);
    }

    /** One item; a rule field mapped to several event fields matches when any of them does. */
    private RuleNode item(String identifier, DetectionItem item) throws CompileException {
        List<String> targets = item.field() == null ? java.util.Collections.singletonList(null)
                : pipeline.mapField(item.field(), logsource);
        List<RuleNode> alternatives = new ArrayList<>();
        for (String field : targets) {
            FieldPredicate p;
            try {
                p = items.compile(field, item.modifiers(), item.values(), context);
            } catch (ValueException e) {
                throw new CompileException(item.line(), "'" + identifier + "' → '" + describe(item) + "': " + e.getMessage());
            } catch (RuntimeException e) {
                throw new CompileException(item.line(), "'" + identifier + "' → '" + describe(item) + "': cannot compile: " + e);
            }
            if (field != null) {
                fieldsRead.add(field);
            }
            alternatives.add(RuleNode.predicate(p));
        }
        return RuleNode.any(alternatives);
    }

    private static String describe(DetectionItem item) {
        StringBuilder sb = new StringBuilder(item.field() == null ? "" : item.field());
        for (String m : item.modifiers()) {
            sb.append('|').append(m);
        }
        return sb.length() == 0 ? "keywords" : sb.toString();
    }

    private RuleNode condition(Condition c, Map<String, RuleNode> selections, String text, int line) throws CompileException {
        if (c instanceof Condition.And and) {
            List<RuleNode> nodes = new ArrayList<>();
            for (Condition o : and.operands()) {
                nodes.add(condition(o, selections, text, line));
            }
            return RuleNode.all(nodes);
        }
        if (c instanceof Condition.Or or) {
            List<RuleNode> nodes = new ArrayList<>();
            for (Condition o : or.operands()) {
                nodes.add(condition(o, selections, text, line));
            }
            return RuleNode.any(nodes);
        }
        if (c instanceof Condition.Not not) {
            return RuleNode.not(condition(not.operand(), selections, text, line));
        }
        if (c instanceof Condition.Identifier id) {
            RuleNode n = selections.get(id.name());
            if (n == null) {
                throw new CompileException(line, "condition '" + text + "' names undefined '" + id.name() + "'");
            }
            return n;
        }
        Condition.Quantified q = (Condition.Quantified) c;
        List<RuleNode> covered = new ArrayList<>();
        for (Map.Entry<String, RuleNode> e : selections.entrySet()) {
            boolean in = q.them() ? !e.getKey().startsWith("_") : IdentifierPattern.matches(q.pattern(), e.getKey());
            if (in) {
                covered.add(e.getValue());
            }
        }
        String target = q.them() ? "them" : q.pattern();
        if (covered.isEmpty()) {
            throw new CompileException(line, "condition '" + text + "': '" + target + "' covers no search identifier");
        }
        if (q.all()) {
            return RuleNode.all(covered);
        }
        if (q.count() > covered.size()) {
            throw new CompileException(line, "condition '" + text + "': asks for " + q.count() + " of '" + target
                    + "' but only " + covered.size() + " identifiers match");
        }
        return RuleNode.atLeast(q.count(), covered);
    }
}
