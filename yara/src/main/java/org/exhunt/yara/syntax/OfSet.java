package org.exhunt.yara.syntax;

import java.util.List;

/** What an {@code of} expression counts over. */
public sealed interface OfSet permits OfSet.Strings, OfSet.Rules {

    Position pos();

    /**
     * {@code them} (when {@code them} is true, {@code patterns} is empty) or {@code ($a, $b*, $*)};
     * a pattern ending in {@code *} is a prefix.
     */
    record Strings(List<String> patterns, boolean them, Position pos) implements OfSet {

        public Strings {
            patterns = List.copyOf(patterns);
        }
    }

    /** {@code (rule1, rule_prefix*)}. */
    record Rules(List<String> patterns, Position pos) implements OfSet {

        public Rules {
            patterns = List.copyOf(patterns);
        }
    }
}
