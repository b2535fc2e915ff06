package org.exhunt.yara.module;

/** A regular expression handed to a module function, e.g. {@code pe.exports(/^Dll/)}. */
@FunctionalInterface
public interface ModuleRegex {

    /** Whether the expression matches anywhere in {@code text} (one char per byte), as YARA's {@code matches}. */
    boolean find(String text);
}
