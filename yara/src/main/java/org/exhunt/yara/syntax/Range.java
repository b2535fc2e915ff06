package org.exhunt.yara.syntax;

/** {@code (from..to)}, both ends included. */
public record Range(Expr from, Expr to, Position pos) {
}
