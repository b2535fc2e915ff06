package org.exhunt.sigma.value;

/**
 * Reads numbers from rule and event values. Event text counts as a number only in plain decimal
 * notation ({@code [+-]digits[.digits]}, spaces around allowed), so that "200" and 200 are equal
 * but hexadecimal, exponents, "NaN" or "Infinity" are not numbers.
 */
final class Numbers {
    private Numbers() {
    }

    /** Whether {@code s} is one or more ASCII digits (a regex repetition count, say). */
    static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    /** The value as a double, or NaN when it is not a number. */
    static double toDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            return parseDecimal(s);
        }
        return Double.NaN;
    }

    /** What {@link #integerKey} gives for a value that is not a whole number. */
    static final long NOT_WHOLE = Long.MIN_VALUE;

    /**
     * A whole number as a long; {@link #NOT_WHOLE} for NaN, infinities and fractions. Numbers
     * that compare equal as doubles get the same key.
     */
    static long integerKey(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? (long) d : NOT_WHOLE;
    }

    /** Whether the value is an integer that a long holds exactly (compared without rounding). */
    static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    static double parseDecimal(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (start == end) {
            return Double.NaN;
        }
        int i = start;
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        while (i < end && Character.isDigit(s.charAt(i)) && s.charAt(i) < 0x80) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < end && s.charAt(i) == '.') {
            i++;
            int fraction = 0;
            while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                fraction++;
            }
            if (fraction == 0) {
                return Double.NaN;
            }
        }
        if (i != end) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.substring(start, end));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A rule value that must be a number: a YAML number or a decimal string. */
    static double ruleNumber(Object value, String modifier) throws ValueException {
        double d = value instanceof Boolean ? Double.NaN : toDouble(value);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ValueException("modifier '" + modifier + "' needs a number, not '" + value + "'");
        }
        return d;
    }
}
