package org.exhunt.cli;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Types a {@code -d name=value} value the way the {@code yara} command does: a float when it has
 * digits and exactly one dot (not leading), an integer when it is digits with an optional minus,
 * a boolean for {@code true}/{@code false}, otherwise a string.
 */
final class YaraDefines {

    private static final Pattern FLOAT = Pattern.compile("-?[0-9][0-9.]*");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private YaraDefines() {
    }

    /** The value as yara would define it: Double, Long, Boolean or String. */
    static Object typed(String value) {
        if (FLOAT.matcher(value).matches() && value.indexOf('.') >= 0 && value.indexOf('.') == value.lastIndexOf('.')) {
            return Double.parseDouble(value);
        }
        if (INTEGER.matcher(value).matches()) {
            return (long) atoi(value);
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        return value;
    }

    /**
     * yara reads integers with C's atoi: out-of-range values saturate at the 64-bit limits and are
     * then cut to 32 bits, so the same large number gives the same (odd) value here.
     */
    private static int atoi(String digits) {
        BigInteger n = new BigInteger(digits);
        long saturated = n.bitLength() < 64 ? n.longValue() : (n.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        return (int) saturated;
    }
}
