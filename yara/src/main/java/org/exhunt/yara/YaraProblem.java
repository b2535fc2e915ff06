package org.exhunt.yara;

import org.exhunt.yara.syntax.Position;

/**
 * Why a rule file was rejected: where ({@code file:line:col}), in which rule when the problem
 * lies inside one, and what is wrong, worded as {@code yarac} words it.
 */
public record YaraProblem(String file, int line, int column, String rule, String message) {

    static YaraProblem at(Position pos, String rule, String message) {
        return new YaraProblem(pos.file(), pos.line(), pos.column(), rule, message);
    }

    static YaraProblem ofFile(String file, String message) {
        return new YaraProblem(file, 0, 0, null, message);
    }

    /** {@code file:line:col: message}, with {@code rule "name": } before the message when known. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + (rule != null ? "rule \"" + rule + "\": " : "") + message;
    }
}
