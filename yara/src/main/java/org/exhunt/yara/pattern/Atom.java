package org.exhunt.yara.pattern;

/**
 * A short byte string whose presence is necessary for a pattern to match. When it is found at
 * offset {@code a}, the pattern may start anywhere in {@code [a - backMax, a - backMin]}; when
 * {@code backward} is set (what comes before the atom, reversed), only at the offsets from which
 * that part of the pattern reaches {@code a}.
 */
record Atom(int pattern, byte[] bytes, int backMin, int backMax, Program backward) {

    Atom(int pattern, byte[] bytes, int backMin, int backMax) {
        this(pattern, bytes, backMin, backMax, null);
    }
}
