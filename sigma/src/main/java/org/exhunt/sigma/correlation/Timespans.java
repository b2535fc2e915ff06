package org.exhunt.sigma.correlation;

import java.time.Duration;

/** Reads a correlation {@code timespan}: a positive whole number and a lower-case unit letter. */
final class Timespans {

    private Timespans() {
    }

    /**
     * Parses {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or {@code 2w}.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    static Duration parse(String text) {
        if (text == null || text.length() < 2) {
            throw bad(text);
        }
        String digits = text.substring(0, text.length() - 1);
        char unit = text.charAt(text.length() - 1);
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw bad(text);
            }
        }
        long count;
        try {
            count = Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            throw bad(text);
        }
        if (count <= 0) {
            throw new IllegalArgumentException("timespan '" + text + "' must be greater than zero");
        }
        try {
            return switch (unit) {
                case 's' -> Duration.ofSeconds(count);
                case 'm' -> Duration.ofMinutes(count);
                case 'h' -> Duration.ofHours(count);
                case 'd' -> Duration.ofDays(count);
                case 'w' -> Duration.ofDays(Math.multiplyExact(count, 7L));
                default -> throw bad(text);
            };
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("timespan '" + text + "' is too long");
        }
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("timespan '" + text
                + "' is not valid; expected a whole number followed by s, m, h, d or w (e.g. 5m, 1h, 90m)");
    }
}
