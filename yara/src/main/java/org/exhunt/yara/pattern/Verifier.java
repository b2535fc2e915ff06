package org.exhunt.yara.pattern;

/** Decides whether a pattern matches at a given start offset, and how long the match is. */
interface Verifier {

    /** Per-buffer state (matcher scratch, caches); one per scan, never shared between threads. */
    interface Session {
        /** Length of the match starting at {@code start} (always > 0), or -1 when there is none. */
        int matchAt(int start);
    }

    Session open(byte[] data);
}
