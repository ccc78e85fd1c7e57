package org.xcs.bench.standin;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * Feeds a component as fast as it answers, never more than {@code window} requests unanswered: the component's
 * queues are bounded (it answers resource-constraint past them), and an unbounded flood would measure our socket
 * buffers instead of the component. Writes are flushed in small batches.
 */
public final class WindowedFeed {
    private static final int BATCH = 32;

    private final Link link;
    private final Supplier<String> next;
    private final LongUnaryOperator outstanding;
    private final long window;
    private long sent;

    /** {@code outstanding}: given the requests sent so far, how many are not yet answered (caller's counters). */
    public WindowedFeed(Link link, Supplier<String> next, LongUnaryOperator outstanding, long window) {
        this.link = link;
        this.next = next;
        this.outstanding = outstanding;
        this.window = window;
    }

    public long sent() {
        return sent;
    }

    /** Feeds for {@code duration}; returns the requests sent during it. */
    public long run(Duration duration) {
        long before = sent;
        long end = System.nanoTime() + duration.toNanos();
        int unflushed = 0;
        while (System.nanoTime() < end) {
            if (outstanding.applyAsLong(sent) < window) {
                link.send(next.get());
                sent++;
                if (++unflushed >= BATCH) {
                    link.flush();
                    unflushed = 0;
                }
            } else {
                if (unflushed > 0) {
                    link.flush();
                    unflushed = 0;
                } else {
                    LockSupport.parkNanos(100_000);
                }
            }
        }
        link.flush();
        return sent - before;
    }

    /** Waits (bounded) until nothing is outstanding, e.g. between measured steps. */
    public boolean drain(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (outstanding.applyAsLong(sent) > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }
}
