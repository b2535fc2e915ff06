package org.exhunt.sigma.value;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Set;
import org.exhunt.sigma.SigmaEvent;

/**
 * The time modifiers {@code minute}, {@code hour}, {@code day}, {@code week}, {@code month},
 * {@code year}: the field's timestamp has that part equal to the rule number. As the
 * specification warns, no time-zone conversion happens: the parts are read as the timestamp
 * writes them. {@code week} is the ISO-8601 week of the year. A field that is not a timestamp
 * never matches.
 */
final class TimePartMatcher implements ValueMatcher {
    private final Modifier part;
    private final int expected;

    private TimePartMatcher(Modifier part, int expected) {
        this.part = part;
        this.expected = expected;
    }

    static TimePartMatcher of(Modifier part, Object ruleValue) throws ValueException {
        double d = Numbers.ruleNumber(ruleValue, part.ruleName());
        int low = switch (part) {
            case DAY, WEEK, MONTH -> 1;
            case YEAR -> Integer.MIN_VALUE;
            default -> 0;
        };
        int high = switch (part) {
            case MINUTE -> 59;
            case HOUR -> 23;
            case DAY -> 31;
            case WEEK -> 53;
            case MONTH -> 12;
            default -> Integer.MAX_VALUE;
        };
        if (d != Math.rint(d) || d < low || d > high) {
            throw new ValueException("modifier '" + part.ruleName() + "' needs a whole number"
                    + (part == Modifier.YEAR ? "" : " from " + low + " to " + high) + ", not '" + ruleValue + "'");
        }
        return new TimePartMatcher(part, (int) d);
    }

    @Override
    public boolean matches(Object value, SigmaEvent event, String field) {
        if (!(value instanceof String s)) {
            return false;
        }
        int[] t = Timestamps.parts(s);
        if (t == null) {
            return false;
        }
        int actual;
        switch (part) {
            case YEAR -> actual = t[0];
            case MONTH -> actual = t[1];
            case DAY -> actual = t[2];
            case HOUR -> actual = t[3];
            case MINUTE -> actual = t[4];
            default -> {
                try {
                    actual = LocalDate.of(t[0], t[1], t[2]).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                } catch (java.time.DateTimeException e) {
                    return false;
                }
            }
        }
        return actual == expected;
    }

    @Override
    public Set<String> literals() {
        return null;
    }
}
