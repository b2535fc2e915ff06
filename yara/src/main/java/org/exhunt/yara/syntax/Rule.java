package org.exhunt.yara.syntax;

import java.util.List;

/** A rule as written: modifiers, tags, metadata, string definitions and the condition. */
public record Rule(String name, boolean isPrivate, boolean isGlobal, List<String> tags, List<Meta> meta,
                   List<StringDef> strings, Expr condition, Position pos) implements Declaration {

    public Rule {
        tags = List.copyOf(tags);
        meta = List.copyOf(meta);
        strings = List.copyOf(strings);
    }
}
