package org.exhunt.sigma.correlation;

import java.util.List;

import org.exhunt.sigma.CorrelationRule;
import org.exhunt.sigma.SigmaRule;

/**
 * One referenced rule of a correlation, resolved: exactly one of {@code rule} and
 * {@code correlation} is set. The field lists already have the correlation's aliases applied:
 * they name the fields to read from this rule's matches.
 *
 * @param index       position in the correlation's {@code rules}
 * @param reference   the reference as written
 * @param groupFields the field to read for each group-by entry
 * @param valueFields the field to read for each condition field
 */
record CorrelationInput(int index, String reference, SigmaRule rule, CorrelationRule correlation,
        List<String> groupFields, List<String> valueFields) {
}
