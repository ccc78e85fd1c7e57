package org.xcs.common.store;

import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What both stores share: one store-wide lock that serialises transactions (the engine has a single transaction
 * for the whole database), the write-inside-a-transaction rule, and the translation of engine exceptions.
 * Subclasses provide raw byte maps (unsigned-lexicographic order) and commit/rollback of everything written.
 */
abstract class LockingStore implements Store {

    static final String RESERVED_PREFIX = "__xcs.";

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, NavigableMap<byte[], byte[]>> maps = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private boolean wrote; // guarded by lock: the running outermost transaction changed something
    private long commits; // guarded by lock
    private long rollbacks; // guarded by lock


    /** Creates or opens a raw map and makes its creation durable; called under the lock, outside transactions. */
    protected abstract NavigableMap<byte[], byte[]> openRaw(String name);

    protected abstract void commitRaw();

    protected abstract void rollbackRaw();

    protected abstract void closeRaw();

    /** Called after every write inside a transaction with the value the key had before (null: absent). */
    protected void afterWrite(NavigableMap<byte[], byte[]> map, byte[] key, byte[] previous) {
    }

    /** Engine commits made for transactions so far; tests count them. */
    final long commitCount() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
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
            NavigableMap<byte[], byte[]> raw = maps.computeIfAbsent(name, n -> engine(() -> openRaw(n)));
            return new CodecMap<>(this, raw, null, null, keys, values);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final <T> T transaction(Supplier<T> work) {
        lock.lock();
        try {
            checkOpen();
            if (lock.getHoldCount() > 1) {
                return work.get(); // nested: joins the outer transaction, which commits or rolls back
            }
            wrote = false;
            T result;
            try {
                result = work.get();
                if (wrote) { // a transaction that changed nothing (an error reply, a read) costs no log sync
                    commits++;
                    commitRaw();
                }
            } catch (RuntimeException e) {
                rollbackAfterWrites(e);
                throw translate(e);
            } catch (Error e) {
                rollbackAfterWrites(e);
                throw e;
            }
            return result;
        } finally {
            lock.unlock();
        }
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
                closeRaw();
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
            return call.get();
        } catch (RuntimeException e) {
            wrote = true;
            throw translate(e);
        }
    }

    /** Records a change made by {@link #write}: the transaction must commit (or roll back) it. */
    final void wrote(NavigableMap<byte[], byte[]> map, byte[] key, byte[] previous) {
        wrote = true;
        afterWrite(map, key, previous);
    }

    /** Runs an engine call, turning engine exceptions into {@link StoreException}. */
    final <T> T engine(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private void rollbackAfterWrites(Throwable failure) {
        if (!wrote) {
            return; // nothing to undo: most failures are validation before any write
        }
        rollbacks++;
        try {
            rollbackRaw();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static RuntimeException translate(RuntimeException e) {
        return e.getClass().getName().startsWith("org.mapdb.")
                ? new StoreException("store engine failure: " + e.getMessage(), e)
                : e;
    }
}
