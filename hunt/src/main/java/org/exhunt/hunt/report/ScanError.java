package org.exhunt.hunt.report;

/**
 * A problem the scan met that is not a finding: a rule that would not load ({@code file:line: reason}),
 * an input that could not be discovered, a fatal error.
 *
 * @param source  where it happened (a rule file, an input path, {@code scan})
 * @param message what went wrong, in words a user can act on
 */
public record ScanError(String source, String message) {
}
