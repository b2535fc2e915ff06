package org.exhunt.hunt.finding;

import java.util.Locale;

/** Sigma's rule levels, in rising order of severity. */
public enum Level {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    /** Parses a Sigma level word; unknown or missing words count as {@link #MEDIUM}, as Sigma's default. */
    public static Level parse(String word) {
        if (word == null) return MEDIUM;
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "informational", "info" -> INFORMATIONAL;
            case "low" -> LOW;
            case "high" -> HIGH;
            case "critical" -> CRITICAL;
            default -> MEDIUM;
        };
    }

    /** The lower-case word used in reports and on the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }
}
