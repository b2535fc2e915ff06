package org.exhunt.hunt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a few independent tasks at the same time and waits for all of them: the first on the calling
 * thread, each other one on a thread of its own. For the handful of big steps that build a report,
 * where a pool would outlive its use.
 */
final class Together {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private Together() {
    }

    /** Runs every task, the first on this thread; rethrows the first task's failure, in task order. */
    static void run(List<Runnable> tasks) {
        if (tasks.isEmpty()) return;
        int others = tasks.size() - 1;
        Throwable[] failures = new Throwable[tasks.size()];
        List<Thread> threads = new ArrayList<>(others);
        for (int t = 1; t <= others; t++) {
            int index = t;
            Thread thread = new Thread(() -> {
                try {
                    tasks.get(index).run();
                } catch (Throwable e) {
                    failures[index] = e;
                }
            }, "exhunt-report-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        try {
            tasks.get(0).run();
        } catch (Throwable e) {
            failures[0] = e;
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    // The tasks must finish before their results are read; the interrupt is kept.
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException re) throw re;
            if (failure instanceof Error error) throw error;
            if (failure != null) throw new IllegalStateException(failure);
        }
    }
}
