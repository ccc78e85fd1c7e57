package org.xcs.common.store;

import java.util.function.Supplier;

/**
 * A set of named sorted maps with all-or-nothing transactions.
 *
 * <p>Concurrency: the underlying engine has ONE transaction for the whole database, so every transaction's work
 * and every read runs under one store-wide lock: {@link #transaction} from several threads (per-room executors) is
 * safe, each work runs alone. Commits are shared: the transactions that applied their writes while a commit was
 * running are made durable together by the next one (group commit), so N threads do not pay N log syncs. Writes
 * are only accepted inside {@link #transaction} on the calling thread (otherwise {@link IllegalStateException}), so
 * no thread can commit another thread's half-done work. Reads work anywhere and see the writes of finished works,
 * possibly for one log sync before they are durable (see {@code LockingStore} for why that is acceptable), plus,
 * inside a transaction, its own writes; a read outside a transaction waits while another thread's work runs. Keep
 * transactions short: no network waits inside.
 */
public interface Store extends AutoCloseable {

    /**
     * Opens (creating if needed) the map {@code name}. Call it outside transactions, typically once at start-up,
     * and keep the returned view. Names starting with {@code "__xcs."} are reserved.
     */
    <K, V> StoreMap<K, V> map(String name, Codec<K> keys, Codec<V> values);

    /**
     * Runs {@code work} holding the store's write lock, then commits (a work that wrote nothing needs no commit);
     * when {@code work} throws, rolls back every write it made and rethrows. When it returns, its writes are durable.
     * A nested call joins the outer transaction (the outer one commits or rolls back). Throws {@link
     * StoreException} when the commit fails or when another thread's failing transaction rolled back this one's
     * not yet durable writes: nothing of it is stored then, answer with an error.
     */
    <T> T transaction(Supplier<T> work);

    /** {@link #transaction(Supplier)} for work without a result. */
    default void inTransaction(Runnable work) {
        transaction(() -> {
            work.run();
            return null;
        });
    }

    /** The schema version recorded in the store (equal to the expected one once opened). */
    int schemaVersion();

    /**
     * Waits for a running transaction, commits the applied ones still waiting for their commit, then closes the
     * store and releases the data dir. Idempotent.
     */
    @Override
    void close();
}
