package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exhunt.sigma.value.FieldPredicate;

/**
 * A compiled boolean tree over field predicates. Each node knows its literal gate (see
 * {@link LiteralGate}), computed once when the tree is built.
 */
abstract class RuleNode {

    private final Map<String, Set<String>> gate;
    private final List<Map<String, Set<String>>> groups;

    RuleNode(Map<String, Set<String>> gate) {
        this(gate, LiteralGate.single(gate));
    }

    RuleNode(Map<String, Set<String>> gate, List<Map<String, Set<String>>> groups) {
        this.gate = gate;
        this.groups = groups;
    }

    abstract boolean test(SigmaEvent event);

    /** Literals one of which must occur for this node to hold; null when there is no such set. */
    final Map<String, Set<String>> gate() {
        return gate;
    }

    /**
     * Gates that must all open for this node to hold (each one literal of its own); empty when
     * ungated. For an AND these are several of its operands' gates, for other nodes the one gate.
     */
    final List<Map<String, Set<String>>> groups() {
        return groups;
    }

    static RuleNode predicate(FieldPredicate p) {
        return new Leaf(p);
    }

    static RuleNode all(List<RuleNode> nodes) {
        if (nodes.size() == 1) {
            return nodes.get(0);
        }
        List<List<Map<String, Set<String>>>> operandGroups = new ArrayList<>(nodes.size());
        for (RuleNode n : nodes) {
            operandGroups.add(n.groups());
        }
        return new AtLeast(nodes.size(), nodes, LiteralGate.all(gates(nodes)), LiteralGate.allGroups(operandGroups));
    }

    static RuleNode any(List<RuleNode> nodes) {
        return nodes.size() == 1 ? nodes.get(0) : new AtLeast(1, nodes, LiteralGate.atLeast(1, gates(nodes)));
    }

    static RuleNode atLeast(int k, List<RuleNode> nodes) {
        if (k >= nodes.size()) {
            return all(nodes);
        }
        return k == 1 ? any(nodes) : new AtLeast(k, nodes, LiteralGate.atLeast(k, gates(nodes)));
    }

    static RuleNode not(RuleNode node) {
        return new Not(node);
    }

    private static List<Map<String, Set<String>>> gates(List<RuleNode> nodes) {
        List<Map<String, Set<String>>> out = new ArrayList<>(nodes.size());
        for (RuleNode n : nodes) {
            out.add(n.gate());
        }
        return out;
    }

    private static final class Leaf extends RuleNode {
        private final FieldPredicate predicate;

        Leaf(FieldPredicate predicate) {
            super(LiteralGate.of(predicate.field(), predicate.requiredLiterals(), predicate.requiredIntegers()));
            this.predicate = predicate;
        }

        @Override
        boolean test(SigmaEvent event) {
            return predicate.test(event);
        }
    }

    /** AND (k = n), OR (k = 1) and "k of n", with early exit both ways. */
    private static final class AtLeast extends RuleNode {
        private final int k;
        private final RuleNode[] nodes;

        AtLeast(int k, List<RuleNode> nodes, Map<String, Set<String>> gate) {
            this(k, nodes, gate, LiteralGate.single(gate));
        }

        AtLeast(int k, List<RuleNode> nodes, Map<String, Set<String>> gate, List<Map<String, Set<String>>> groups) {
            super(gate, groups);
            this.k = k;
            this.nodes = nodes.toArray(new RuleNode[0]);
        }

        @Override
        boolean test(SigmaEvent event) {
            int hits = 0;
            int left = nodes.length;
            for (RuleNode n : nodes) {
                left--;
                if (n.test(event)) {
                    if (++hits >= k) {
                        return true;
                    }
                } else if (hits + left < k) {
                    return false;
                }
            }
            return false;
        }
    }

    private static final class Not extends RuleNode {
        private final RuleNode node;

        Not(RuleNode node) {
            super(null);
            this.node = node;
        }

        @Override
        boolean test(SigmaEvent event) {
            return !node.test(event);
        }
    }
}
