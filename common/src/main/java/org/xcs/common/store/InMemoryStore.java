package org.xcs.common.store;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The {@link Store} contract in memory, for unit tests: same ordering, same write rule, same rollback (an undo log
 * of the transaction's writes), nothing on disk.
 */
public final class InMemoryStore extends LockingStore {

    private record Undo(NavigableMap<byte[], byte[]> map, byte[] key, byte[] previous) {
    }

    private final int schemaVersion;
    private final Deque<Undo> undoLog = new ArrayDeque<>(); // guarded by the store lock

    public InMemoryStore() {
        this(1);
    }

    public InMemoryStore(int schemaVersion) {
        super(false); // a commit costs nothing: each transaction commits before releasing the lock
        this.schemaVersion = schemaVersion;
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    protected NavigableMap<byte[], byte[]> openRaw(String name) {
        return new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    }

    @Override
    protected void afterWrite(NavigableMap<byte[], byte[]> map, byte[] key, byte[] previous, byte[] value) {
        undoLog.push(new Undo(map, key, previous));
    }

    @Override
    protected void commitRaw() {
        undoLog.clear();
    }

    @Override
    protected void rollbackRaw() {
        while (!undoLog.isEmpty()) {
            Undo undo = undoLog.pop(); // newest first
            if (undo.previous() == null) {
                undo.map().remove(undo.key());
            } else {
                undo.map().put(undo.key(), undo.previous());
            }
        }
    }

    @Override
    protected void closeRaw() {
        undoLog.clear();
    }
}
