package org.exhunt.yara;

import java.util.Optional;
import org.exhunt.yara.syntax.Regex;

/**
 * Checks that a regular expression is one YARA accepts. The compiler calls it for every regex in
 * strings and in {@code matches}; a regex engine can plug in its own parser here so that what
 * compiles is exactly what it can run.
 */
@FunctionalInterface
public interface RegexValidator {

    /** Empty when the regex is fine; otherwise what is wrong, e.g. "unbalanced parenthesis". */
    Optional<String> problem(Regex regex);

    /** A structural check: brackets, parentheses, repeat operators and intervals, escapes. */
    static RegexValidator basic() {
        return BasicRegexValidator::check;
    }
}
