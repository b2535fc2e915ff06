package org.exhunt.sigma;

/**
 * Why a rule could not be loaded or compiled, located in its file. A problem never stops the
 * loading of other rules.
 *
 * @param source the file (or other named source) the rule came from
 * @param line   1-based line of the offending YAML node, or 0 when unknown
 * @param reason what is wrong, in words a rule author can act on
 */
public record RuleProblem(String source, int line, String reason) {
    @Override
    public String toString() {
        return source + ":" + line + ": " + reason;
    }
}
