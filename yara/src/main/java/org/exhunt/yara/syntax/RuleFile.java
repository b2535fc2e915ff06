package org.exhunt.yara.syntax;

import java.util.List;

/** One parsed source file: its top-level declarations in the order written. */
public record RuleFile(String file, List<Declaration> declarations) {

    public RuleFile {
        declarations = List.copyOf(declarations);
    }
}
