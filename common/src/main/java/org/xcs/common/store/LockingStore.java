package org.xcs.common.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What both stores share: one store-wide lock that serialises transactions (the engine has a single transaction
 * for the whole database), the write-inside-a-transaction rule, group commit, and the translation of engine
 * exceptions. Subclasses provide raw byte maps (unsigned-lexicographic order) and commit/rollback of everything
 * written since the last commit.
 *
 * <p>Group commit (when the subclass asks for it): a transaction runs its work under the lock and applies its writes
 * to the engine without syncing, joins the list of pending transactions, and releases the lock; it then takes the
 * lock again and, unless a commit made while it waited already covered it, commits: one engine commit (one log
 * sync) makes everything applied so far durable, so the transactions of the other threads that applied meanwhile
 * return without a sync of their own. The lock is fair, which is what makes the batches: a transaction queues
 * again behind those that were already waiting to apply, instead of barging back in and syncing alone. The commit
 * itself runs under the lock because the engine would otherwise log a running transaction's half-done writes.
 * {@link #transaction} still returns only once its writes are durable, so nothing a caller acknowledged is lost.
 *
 * <p>Failures: the engine's rollback discards everything since the last commit, including the applied, not yet
 * durable writes of other threads. So a work that throws after writing rolls back and fails every pending
 * transaction with {@link StoreException}: their callers have acknowledged nothing yet and answer with an error,
 * exactly as on a failed commit. A work that throws before writing (validation, the common case) rolls nothing back
 * and disturbs nobody. A failed commit likewise rolls back and fails all it covered.
 *
 * <p>Trade-off: between apply and commit (one log sync, a few ms to tens of ms) other threads' reads see the
 * applied writes. A reply built on them (say an item fetch answering with an item whose publisher has not been
 * acknowledged yet) can then name data that a crash in that window loses, or that the rare rollback above
 * discards. We accept it: the writer itself is never acknowledged before its data is durable; the window is one log
 * sync; and the alternative (each reader waiting for the sync of whatever it read) would put the sync back on the
 * read path. A transaction that reads such writes and writes itself is covered by the same or a later commit, in
 * order, and fails with them if they are rolled back, so no durable write can depend on a lost one.
 */
abstract class LockingStore implements Store {

    static final String RESERVED_PREFIX = "__xcs.";

    /** A transaction whose writes are applied and not yet durable; guarded by the lock. */
    private static final class Pending {
        boolean durable;
        Throwable failure; // set when a rollback discarded its writes
    }

    private final ReentrantLock lock;
    private final boolean groupCommit;
    private final Map<String, NavigableMap<byte[], byte[]>> maps = new ConcurrentHashMap<>();
    private final List<Pending> pending = new ArrayList<>(); // guarded by lock, in apply order
    private volatile boolean closed;
    private boolean wrote; // guarded by lock: the running outermost transaction changed something
    private long commits; // guarded by lock
    private long rollbacks; // guarded by lock

    /**
     * {@code groupCommit}: commits are expensive (a log sync), so transactions of several threads share them; false
     * when a commit costs nothing and each transaction commits before releasing the lock.
     */
    LockingStore(boolean groupCommit) {
        this.groupCommit = groupCommit;
        this.lock = new ReentrantLock(groupCommit);
    }

    /** Creates or opens a raw map; called under the lock, outside transactions; the caller commits its creation. */
    protected abstract NavigableMap<byte[], byte[]> openRaw(String name);

    protected abstract void commitRaw();

    protected abstract void rollbackRaw();

    protected abstract void closeRaw();

    /**
     * Called after every write inside a transaction with the value the key had before and the one it has now
     * (null: absent).
     */
    protected void afterWrite(NavigableMap<byte[], byte[]> map, byte[] key, byte[] previous, byte[] value) {
    }

    /** Engine commits made so far (transactions and map creation); tests count them. */
    final long commitCount() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /** Threads queued for the store lock (an estimate, as for {@link ReentrantLock#getQueueLength}); for tests. */
    final int threadsWaitingForTheLock() {
        return lock.getQueueLength();
    }

    /** Engine rollbacks made for failed transactions so far; tests count them. */
    final long rollbackCount() {
        lock.lock();
        try {
            return rollbacks;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final <K, V> StoreMap<K, V> map(String name, Codec<K> keys, Codec<V> values) {
        if (name == null || name.isEmpty() || name.startsWith(RESERVED_PREFIX)) {
            throw new IllegalArgumentException("invalid or reserved map name: " + name);
        }
        return internalMap(name, keys, values);
    }

    final <K, V> StoreMap<K, V> internalMap(String name, Codec<K> keys, Codec<V> values) {
        if (lock.isHeldByCurrentThread()) {
            // Creating a map inside a transaction that then rolls back would leave a view on a map that never
            // existed: maps are opened at start-up, outside transactions.
            throw new IllegalStateException("open map '" + name + "' outside Store.transaction (e.g. at start-up)");
        }
        lock.lock();
        try {
            checkOpen();
            NavigableMap<byte[], byte[]> raw = maps.get(name);
            if (raw == null) {
                raw = engine(() -> openRaw(name));
                // The creation must be durable before anyone writes to the map; the commit covers whatever else
                // is pending too, which it settles as durable.
                RuntimeException failure = commitPending();
                if (failure != null) {
                    throw failure;
                }
                maps.put(name, raw);
            }
            return new CodecMap<>(this, raw, null, null, keys, values);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final <T> T transaction(Supplier<T> work) {
        Pending mine;
        T result;
        lock.lock();
        try {
            checkOpen();
            if (lock.getHoldCount() > 1) {
                return work.get(); // nested: joins the outer transaction, which commits or rolls back
            }
            wrote = false;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                rollbackAfterWrites(e);
                throw translate(e);
            } catch (Error e) {
                rollbackAfterWrites(e);
                throw e;
            }
            if (!wrote) {
                return result; // changed nothing (an error reply, a read): no commit, no log sync
            }
            mine = new Pending();
            pending.add(mine);
            if (!groupCommit) {
                return durable(mine, result);
            }
        } finally {
            lock.unlock();
        }
        // Queue again behind the transactions already waiting for the (fair) lock: they apply their writes first
        // and the one commit below, or one made by any of them, covers us all.
        lock.lock();
        try {
            return durable(mine, result);
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: commits unless a commit already settled {@code mine}; returns once it is durable. */
    private <T> T durable(Pending mine, T result) {
        if (!mine.durable && mine.failure == null) {
            commitPending(); // nobody else is committing: commits run under the lock
        }
        if (mine.failure != null) {
            throw new StoreException("transaction rolled back, nothing of it was stored: " + mine.failure,
                    mine.failure);
        }
        return result;
    }

    /**
     * Under the lock: one engine commit makes every applied write durable; on failure they are all rolled back and
     * failed, and the failure is returned.
     */
    private RuntimeException commitPending() {
        commits++;
        try {
            shielded(this::commitRaw);
        } catch (RuntimeException e) {
            rollbacks++;
            try {
                shielded(this::rollbackRaw);
            } catch (RuntimeException r) {
                e.addSuppressed(r);
            }
            RuntimeException failure = translate(e);
            failPending(failure);
            return failure;
        }
        for (Pending p : pending) {
            p.durable = true;
        }
        pending.clear();
        return null;
    }

    private void failPending(Throwable cause) {
        for (Pending p : pending) {
            p.failure = cause;
        }
        pending.clear();
    }

    @Override
    public final void close() {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("close the store outside Store.transaction");
        }
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                try {
                    if (!pending.isEmpty()) {
                        commitPending(); // applied transactions waiting for their commit: settle them first
                    }
                } finally {
                    shielded(this::closeRaw);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    final void checkWrite() {
        checkOpen();
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("writes must run inside Store.transaction(...)");
        }
    }

    final void checkOpen() {
        if (closed) {
            throw new IllegalStateException("store is closed");
        }
    }

    /**
     * Runs a read under the store lock: it sees committed data only (or its own transaction's writes), and never
     * races an engine rollback, which is not safe against concurrent readers.
     */
    final <T> T read(Supplier<T> call) {
        lock.lock();
        try {
            checkOpen();
            return engine(call);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs an engine call that writes, inside a transaction. A failing call may have changed pages before it
     * failed, so it counts as a write: the transaction rolls back.
     */
    final <T> T write(Supplier<T> call) {
        try {
            return uninterrupted(call);
        } catch (RuntimeException e) {
            wrote = true;
            throw translate(e);
        }
    }

    /** Records a change made by {@link #write}: the transaction must commit (or roll back) it. */
    final void wrote(NavigableMap<byte[], byte[]> map, byte[] key, byte[] previous, byte[] value) {
        wrote = true;
        afterWrite(map, key, previous, value);
    }

    /** Runs an engine call, turning engine exceptions into {@link StoreException}. */
    final <T> T engine(Supplier<T> call) {
        try {
            return uninterrupted(call);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * A work failed: when it wrote, roll back; the engine then also discards the other threads' applied, not yet
     * durable writes, so their transactions fail too.
     */
    private void rollbackAfterWrites(Throwable failure) {
        if (!wrote) {
            return; // nothing to undo: most failures are validation before any write
        }
        rollbacks++;
        try {
            shielded(this::rollbackRaw);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        failPending(failure);
    }

    /**
     * Runs an engine call with the thread's interrupt status cleared, restoring it afterwards. The file engine does
     * its I/O on an interruptible {@code FileChannel} (see {@link FileStore}): a pool thread left with its interrupt
     * status set (code that caught InterruptedException and re-asserted it) would otherwise close the channel, and
     * with it the store, for every thread. The store's I/O is short and bounded, so deferring the interrupt to the
     * caller's next blocking wait loses nothing.
     */
    private static <T> T uninterrupted(Supplier<T> call) {
        boolean interrupted = Thread.interrupted();
        try {
            return call.get();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void shielded(Runnable call) {
        uninterrupted(() -> {
            call.run();
            return null;
        });
    }

    private static RuntimeException translate(RuntimeException e) {
        return e.getClass().getName().startsWith("org.mapdb.")
                ? new StoreException("store engine failure: " + e.getMessage(), e)
                : e;
    }
}
