package org.exhunt.yara.pattern;

/**
 * A short byte string whose presence is necessary for a pattern to match. When it is found at
 * offset {@code a}, the pattern may start anywhere in {@code [a - backMax, a - backMin]}.
 */
record Atom(int pattern, byte[] bytes, int backMin, int backMax) {}
