package org.exhunt.sigma;

import java.util.List;

import org.exhunt.sigma.value.FieldPredicate;
import org.exhunt.sigma.value.FieldPredicates;
import org.exhunt.sigma.value.ValueContext;
import org.exhunt.sigma.value.ValueException;

/**
 * Compiles one detection item into a predicate. Production uses the value modifiers of
 * {@link FieldPredicates}; the seam exists so the condition and selection logic can be tested
 * on its own.
 */
@FunctionalInterface
interface ItemCompiler {

    ItemCompiler MODIFIERS = FieldPredicates::compile;

    FieldPredicate compile(String field, List<String> modifiers, List<Object> values, ValueContext ctx)
            throws ValueException;
}
