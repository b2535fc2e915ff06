package org.exhunt.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.exhunt.hunt.scan.ScanListener;

/** A one-line progress bar on the terminal's error stream; silent when not on a terminal. */
final class Progress implements ScanListener {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final boolean enabled;
    private final PrintWriter err;
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicLong bytesDone = new AtomicLong();
    private volatile int files;
    private volatile long bytes;
    private volatile long lastDraw;
    private volatile boolean drawn;

    Progress(boolean enabled, PrintWriter err) {
        this.enabled = enabled;
        this.err = err;
    }

    @Override
    public void planned(int files, long bytes) {
        this.files = files;
        this.bytes = bytes;
        draw(true);
    }

    @Override
    public void fileDone(String path, long size, long events) {
        filesDone.incrementAndGet();
        bytesDone.addAndGet(size);
        draw(false);
    }

    void finish() {
        if (enabled && drawn) {
            synchronized (this) {
                err.print("\r" + " ".repeat(WIDTH + 50) + "\r");
                err.flush();
            }
        }
    }

    private void draw(boolean force) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS && filesDone.get() < files) return;
        synchronized (this) {
            lastDraw = now;
            drawn = true;
            double share = bytes > 0 ? Math.min(1.0, (double) bytesDone.get() / bytes) : (files > 0 ? (double) filesDone.get() / files : 1);
            int full = (int) Math.round(share * WIDTH);
            err.printf("\r[%s%s] %3d%%  %d/%d files  %s", "#".repeat(full), " ".repeat(WIDTH - full),
                    Math.round(share * 100), filesDone.get(), files, human(bytesDone.get()));
            err.flush();
        }
    }

    static String human(long b) {
        if (b < 1024) return b + " B";
        if (b < 1024 * 1024) return String.format("%.1f KB", b / 1024.0);
        if (b < 1024L * 1024 * 1024) return String.format("%.1f MB", b / (1024.0 * 1024));
        return String.format("%.2f GB", b / (1024.0 * 1024 * 1024));
    }
}
