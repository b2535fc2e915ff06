package org.exhunt.server.ops;

import io.javalin.http.Context;
import java.util.concurrent.TimeUnit;

/**
 * Counts requests being handled so a stop can wait for them: once {@link #close} is called new
 * requests are answered 503, and it returns when the last running one has finished (or the grace
 * time is over). Only then is the database closed, so an upload under way is still committed.
 */
public final class InFlight {

    private static final String ENTERED = "exhunt.in-flight";

    private final Object lock = new Object();
    private int running;
    private boolean closing;

    /** Runs before every handler. */
    public void enter(Context ctx) {
        synchronized (lock) {
            if (closing) {
                ctx.header("Retry-After", "30");
                ctx.header("Connection", "close");
                ctx.status(503).contentType("application/json").result("{\"error\":\"the server is stopping; try again shortly\"}");
                ctx.skipRemainingHandlers();
                return;
            }
            running++;
            ctx.attribute(ENTERED, Boolean.TRUE);
        }
    }

    /** Runs when a request is done, whatever its outcome. */
    public void leave(Context ctx) {
        if (ctx.attribute(ENTERED) == null) return;
        ctx.attribute(ENTERED, null);
        synchronized (lock) {
            running--;
            lock.notifyAll();
        }
    }

    /** How many requests are being handled now. */
    public int running() {
        synchronized (lock) {
            return running;
        }
    }

    /** Refuses new requests and waits up to {@code graceMillis} for the running ones; true when none is left. */
    public boolean close(long graceMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        synchronized (lock) {
            closing = true;
            while (running > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return false;
                lock.wait(left);
            }
            return true;
        }
    }
}
