package org.exhunt.yara.syntax;

/** A top-level item of a rule file; order matters because a rule may only use rules before it. */
public sealed interface Declaration permits Declaration.Import, Declaration.Include, Rule {

    Position pos();

    /** {@code import "pe"}: makes a module's identifiers available to the rules that follow. */
    record Import(String module, Position pos) implements Declaration {
    }

    /** {@code include "other.yar"}: the path as written, resolved by the compiler. */
    record Include(String path, Position pos) implements Declaration {
    }
}
