package org.xcs.common.concurrent;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time per key, in submission order, on a shared pool; different keys run in parallel.
 * No thread per key: a key with queued work occupies at most one pool thread at a time, and its queue is removed as
 * soon as it is empty, so idle keys cost nothing.
 */
public final class KeyedSerialExecutor {
    private static final Logger log = LoggerFactory.getLogger(KeyedSerialExecutor.class);

    // After this many tasks in a row one key gives its pool thread back, so a busy key cannot starve the others.
    private static final int BATCH = 32;

    private final Executor pool;
    private final ExecutorService ownedPool;
    private final int maxQueuedPerKey;
    private final int maxPending;

    private final ConcurrentHashMap<String, KeyQueue> queues = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean accepting = true;

    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /** Snapshot of the counters; {@code pending} counts tasks queued or running. */
    public record Stats(long submitted, long executed, long failed, long rejected, int pending, int activeKeys) {
    }

    /**
     * Uses (and after {@link #drain} shuts down) its own pool of {@code threads} daemon threads named
     * {@code name-N}.
     */
    public KeyedSerialExecutor(String name, int threads, int maxQueuedPerKey, int maxPending) {
        this(Executors.newFixedThreadPool(threads, namedDaemonThreads(name)), true, maxQueuedPerKey, maxPending);
    }

    /** Runs on a pool owned by the caller (never shut down here). */
    public KeyedSerialExecutor(Executor pool, int maxQueuedPerKey, int maxPending) {
        this(pool, false, maxQueuedPerKey, maxPending);
    }

    private KeyedSerialExecutor(Executor pool, boolean owned, int maxQueuedPerKey, int maxPending) {
        if (maxQueuedPerKey < 1 || maxPending < 1) {
            throw new IllegalArgumentException("queue limits must be positive");
        }
        this.pool = Objects.requireNonNull(pool);
        this.ownedPool = owned ? (ExecutorService) pool : null;
        this.maxQueuedPerKey = maxQueuedPerKey;
        this.maxPending = maxPending;
    }

    /**
     * Queues {@code task} behind the earlier tasks of {@code key}. Returns false, without queueing, when the key's
     * queue or the executor as a whole is full, or when draining: the caller must then answer the stanza itself.
     */
    public boolean trySubmit(String key, Runnable task) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(task, "task");
        if (!accepting) {
            rejected.incrementAndGet();
            return false;
        }
        if (pending.incrementAndGet() > maxPending) {
            release();
            rejected.incrementAndGet();
            return false;
        }
        boolean[] queued = {false};
        boolean[] start = {false};
        KeyQueue q = queues.compute(key, (k, cur) -> {
            KeyQueue kq = cur == null ? new KeyQueue(k) : cur;
            if (kq.tasks.size() >= maxQueuedPerKey) {
                return cur;
            }
            kq.tasks.add(task);
            queued[0] = true;
            if (!kq.running) {
                kq.running = true;
                start[0] = true;
            }
            return kq;
        });
        if (!queued[0]) {
            release();
            rejected.incrementAndGet();
            return false;
        }
        submitted.incrementAndGet();
        if (start[0]) {
            schedule(q);
        }
        return true;
    }

    /**
     * An {@link Executor} view of one key, e.g. to continue a {@code CompletableFuture} in the entity's order.
     * Throws {@link RejectedExecutionException} when full.
     */
    public Executor executorFor(String key) {
        Objects.requireNonNull(key, "key");
        return task -> {
            if (!trySubmit(key, task)) {
                throw new RejectedExecutionException("queue full for " + key);
            }
        };
    }

    /**
     * Stops accepting new tasks and waits until the queued ones have run. Returns whether all finished in time.
     * An owned pool is shut down afterwards.
     */
    public boolean drain(Duration timeout) {
        accepting = false;
        boolean done = awaitIdle(timeout);
        if (ownedPool != null) {
            ownedPool.shutdown();
        }
        return done;
    }

    /** Waits until no task is queued or running (without stopping intake). Returns whether that happened in time. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return pending.get() == 0;
                }
            }
            return true;
        }
    }

    public boolean isAccepting() {
        return accepting;
    }

    public Stats stats() {
        return new Stats(submitted.get(), executed.get(), failed.get(), rejected.get(), Math.max(0, pending.get()),
                queues.size());
    }

    private void schedule(KeyQueue q) {
        try {
            pool.execute(() -> runSome(q));
        } catch (RejectedExecutionException e) {
            // Only an externally owned pool that was shut down under us gets here: the queued tasks can never run.
            queues.compute(q.key, (k, cur) -> {
                int lost = q.tasks.size();
                q.tasks.clear();
                q.running = false;
                for (int i = 0; i < lost; i++) {
                    release();
                }
                failed.addAndGet(lost);
                log.error("Pool refused work for key {}: {} queued tasks dropped", k, lost, e);
                return null;
            });
        }
    }

    private void runSome(KeyQueue q) {
        Runnable task = next(q);
        for (int ran = 1; task != null; ran++) {
            runOne(q, task);
            if (ran >= BATCH) {
                boolean empty = yieldIfEmpty(q);
                release();
                if (!empty) {
                    schedule(q);
                }
                return;
            }
            // Take the next task (or retire the key) before releasing this one, so that "idle" means no queue left.
            Runnable following = next(q);
            release();
            task = following;
        }
    }

    private void runOne(KeyQueue q, Runnable task) {
        try {
            task.run();
            executed.incrementAndGet();
        } catch (Throwable t) {
            // A failing task must not stall the entity: log, count and go on with the next one.
            failed.incrementAndGet();
            log.error("Task for key {} failed", q.key, t);
        }
    }

    private Runnable next(KeyQueue q) {
        Runnable[] task = {null};
        queues.compute(q.key, (k, cur) -> {
            task[0] = q.tasks.poll();
            if (task[0] == null) {
                q.running = false;
                return null;
            }
            return q;
        });
        return task[0];
    }

    /** Ends this key's run if nothing is queued (removing the key); otherwise keeps it marked running. */
    private boolean yieldIfEmpty(KeyQueue q) {
        boolean[] empty = {false};
        queues.compute(q.key, (k, cur) -> {
            if (q.tasks.isEmpty()) {
                q.running = false;
                empty[0] = true;
                return null;
            }
            return q;
        });
        return empty[0];
    }

    private void release() {
        if (pending.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private static ThreadFactory namedDaemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static final class KeyQueue {
        final String key;
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        boolean running;

        KeyQueue(String key) {
            this.key = key;
        }
    }
}
