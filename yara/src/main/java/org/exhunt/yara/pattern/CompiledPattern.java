package org.exhunt.yara.pattern;

import java.util.List;

/**
 * A pattern ready to scan: its verifier, and where atoms may be taken from. Each element of
 * {@code alternatives} lists the segments of one way the pattern can match; every alternative
 * must yield an atom or the pattern is tried at every offset. {@code anchoredAtStart} patterns
 * ({@code /^.../}) are only ever tried at offset 0.
 */
record CompiledPattern(Verifier verifier, List<List<Segment>> alternatives, boolean anchoredAtStart) {}
