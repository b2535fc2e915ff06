package org.exhunt.yara.syntax;

/**
 * A regular expression as written between the slashes (escapes untouched, {@code \/} included),
 * with its trailing flags: {@code i} (case-insensitive) and {@code s} (dot matches newline).
 */
public record Regex(String source, boolean nocase, boolean dotAll) {

    /** The regex as it reads in rule text: {@code /source/flags}. */
    @Override
    public String toString() {
        return "/" + source + "/" + (nocase ? "i" : "") + (dotAll ? "s" : "");
    }
}
