package org.exhunt.sigma.correlation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.RuleMatch;

/** Reads group-by and condition field values from a match, whether of a rule or of a correlation. */
final class FieldReader {

    private static final int MAX_INTEGER_DIGITS = 40;
    private static final int MAX_FRACTION_DIGITS = 20;

    private FieldReader() {
    }

    /** The field's value in the matched event, or {@code null} when absent or empty. */
    static Object read(RuleMatch match, String field) {
        Object value = match.event().get(field);
        return isEmpty(value) ? null : value;
    }

    /**
     * A correlation match has no event of its own: its group-by values stand for it, and beyond
     * those a field all its contributing events agree on.
     */
    static Object read(CorrelationMatch match, String field) {
        for (Map.Entry<String, Object> entry : match.groupValues().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(field)) {
                return entry.getValue();
            }
        }
        Object common = null;
        for (RuleMatch contributing : match.matches()) {
            Object value = read(contributing, field);
            if (value == null || (common != null && !text(common).equals(text(value)))) {
                return null;
            }
            common = value;
        }
        for (CorrelationMatch inner : match.innerMatches()) {
            Object value = read(inner, field);
            if (value == null || (common != null && !text(common).equals(text(value)))) {
                return null;
            }
            common = value;
        }
        return common;
    }

    /** The text a value is grouped and counted by: values equal as text are the same value. */
    static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join("\u001f", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Double || value instanceof Float) {
            BigDecimal number = BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros();
            return number.toPlainString();
        }
        return String.valueOf(value);
    }

    /** The value as a number, or {@code null} when it is not one. */
    static BigDecimal number(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? bounded(BigDecimal.valueOf(d)) : null;
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.isEmpty() || trimmed.length() > 100) {
                return null;
            }
            try {
                return bounded(new BigDecimal(trimmed));
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /**
     * Log text is untrusted: an exponent such as {@code 1e-999999} would make exact sums grow
     * without bound, so absurdly large numbers are not numbers here and fractions are rounded.
     */
    private static BigDecimal bounded(BigDecimal number) {
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
            return null;
        }
        return number.scale() > MAX_FRACTION_DIGITS
                ? number.setScale(MAX_FRACTION_DIGITS, RoundingMode.HALF_EVEN) : number;
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String text && text.isEmpty())
                || (value instanceof List<?> list && list.isEmpty());
    }
}
