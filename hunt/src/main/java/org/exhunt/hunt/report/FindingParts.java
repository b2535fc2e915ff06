package org.exhunt.hunt.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.exhunt.hunt.finding.Finding;

/**
 * Renders a long list of findings to bytes on several threads and hands the bytes on in list
 * order. The list is cut into contiguous parts; each part is rendered on its own into its own
 * buffer, and a part's bytes are passed on only after every earlier part's. A large report is a
 * hundred thousand findings and more: written by one thread, that leaves the other cores idle for
 * seconds at the end of a scan.
 *
 * <p>Memory stays bounded: at most two parts per thread are rendered ahead of the one being
 * passed on, whatever the length of the list.
 */
final class FindingParts {

    /**
     * Findings per part: a finding is about a kilobyte in the pretty-printed report, so a part is
     * about a megabyte, large enough that handing a part over costs nothing next to rendering it.
     */
    static final int PART_SIZE = 1000;

    /** Renders one part of the list to bytes. Called on any thread, for several parts at once. */
    interface Renderer {
        byte[] render(List<Finding> part) throws IOException;
    }

    /** Takes the rendered parts, in list order, on the calling thread. */
    interface Sink {
        void accept(byte[] bytes) throws IOException;
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    /** The threads to write a report's findings on: as many as the scan read files with, one per core at most. */
    static int threadsFor(ScanReport report) {
        return threadsFor(report.scan().threads());
    }

    /** {@code threads}, at least one and at most one per core: more only take turns on the same cores. */
    static int threadsFor(int threads) {
        return Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
    }

    private FindingParts() {
    }

    /**
     * Renders {@code findings} in parts of {@code partSize} on {@code threads} threads (on the
     * calling thread alone when {@code threads} is 1) and gives each part's bytes to {@code sink}
     * in order.
     */
    static void render(List<Finding> findings, int threads, int partSize, Renderer renderer, Sink sink)
            throws IOException {
        if (partSize < 1) throw new IllegalArgumentException("part size must be at least 1, got " + partSize);
        int parts = (findings.size() + partSize - 1) / partSize;
        if (threads <= 1 || parts <= 1) {
            for (int p = 0; p < parts; p++) sink.accept(renderer.render(part(findings, p, partSize)));
            return;
        }
        String name = "exhunt-report-" + POOLS.incrementAndGet() + "-";
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, name + made.incrementAndGet());
            // Never keeps the JVM alive: an error on the writing thread leaves no worker behind.
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<byte[]>> ahead = new ArrayDeque<>();
            int window = 2 * threads;
            int next = 0;
            while (next < parts || !ahead.isEmpty()) {
                while (next < parts && ahead.size() < window) {
                    List<Finding> part = part(findings, next++, partSize);
                    ahead.add(pool.submit(() -> renderer.render(part)));
                }
                sink.accept(await(ahead.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Finding> part(List<Finding> findings, int index, int partSize) {
        int from = index * partSize;
        return findings.subList(from, Math.min(findings.size(), from + partSize));
    }

    private static byte[] await(Future<byte[]> rendered) throws IOException {
        try {
            return rendered.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the findings", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof UncheckedIOException io) throw io.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error error) throw error;
            throw new IOException("writing the findings failed: " + cause, cause);
        }
    }
}
