package org.exhunt.yara.syntax;

import java.util.List;

/** What a {@code for ... in} loop walks over. */
public sealed interface Iteration permits Iteration.OverRange, Iteration.OverList, Iteration.OverValue {

    /** {@code (from..to)}. */
    record OverRange(Range range) implements Iteration {
    }

    /** {@code (e1, e2, ...)}. */
    record OverList(List<Expr> items) implements Iteration {

        public OverList {
            items = List.copyOf(items);
        }
    }

    /** A module array or dictionary, e.g. {@code pe.sections}. */
    record OverValue(Expr value) implements Iteration {
    }
}
