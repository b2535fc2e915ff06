package org.exhunt.hunt.chain;

import java.util.function.IntConsumer;

/**
 * Work over a large list cut into contiguous ranges, one per thread, the first on the calling
 * thread. Each range's work must touch only what belongs to that range; the caller joins the
 * results in range order, so they do not depend on the number of threads.
 */
final class InRanges {

    private InRanges() {
    }

    /** How many ranges {@code size} items make on {@code threads} threads with at least {@code minPerRange} each. */
    static int count(int size, int threads, int minPerRange) {
        return Math.max(1, Math.min(threads, size / Math.max(1, minPerRange)));
    }

    /** The start of range {@code range} of {@code ranges} over {@code size} items; range {@code ranges} gives {@code size}. */
    static int start(int size, int range, int ranges) {
        return (int) ((long) size * range / ranges);
    }

    /** Runs {@code work} for every range number in {@code 0..ranges-1}, at once, and waits for all. */
    static void run(int ranges, IntConsumer work) {
        RuntimeException[] failures = new RuntimeException[ranges];
        Thread[] helpers = new Thread[ranges];
        for (int r = 1; r < ranges; r++) {
            int range = r;
            helpers[r] = new Thread(() -> {
                try {
                    work.accept(range);
                } catch (RuntimeException e) {
                    failures[range] = e;
                }
            }, "exhunt-chains-" + r);
            helpers[r].setDaemon(true);
            helpers[r].start();
        }
        try {
            work.accept(0);
        } finally {
            boolean interrupted = false;
            for (int r = 1; r < ranges; r++) {
                while (true) {
                    try {
                        helpers[r].join();
                        break;
                    } catch (InterruptedException e) {
                        // The ranges' results are read after this returns: every worker thread must be done.
                        interrupted = true;
                    }
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
        for (RuntimeException failure : failures) {
            if (failure != null) throw failure;
        }
    }
}
