package org.exhunt.yara.syntax;

/**
 * Where a piece of rule text starts: the file as the user named it, a 1-based line and a 1-based
 * column counted in bytes, the unit YARA itself reads source in.
 */
public record Position(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
