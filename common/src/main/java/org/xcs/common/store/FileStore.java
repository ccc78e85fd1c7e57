package org.xcs.common.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mapdb.Atomic;
import org.mapdb.CC;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.mapdb.StoreWAL;
import org.mapdb.volume.VolumeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Store}: one MapDB file per component in its data dir, {@code <dataDir>/<component>.mapdb},
 * and our own write-ahead log beside it, {@code <component>.redo} ({@link RedoLog}), guarded by
 * {@code <dataDir>/lock}.
 *
 * <p>Durability: a commit appends the writes of the transactions it covers (map, key, new value) to the redo log
 * and syncs it once with {@code fdatasync}; MapDB's own commit runs only as a checkpoint: when the log is full,
 * when a map was created, after a replay, and on close. Each checkpoint records the number of the last record it
 * covers inside the MapDB commit, and the next record goes to the start of the log again. MapDB 3.1 does not
 * replay its own log at open, so a checkpoint torn by a crash would leave a damaged file: each checkpoint is made
 * undoable instead ({@link UndoJournal}, {@link JournaledVolume}, {@code <component>.mapdb.undo}). On open, an
 * unfinished checkpoint is undone, then we replay the redo records that follow the last finished one, so a commit
 * that has returned survives {@code kill -9} at any point, checkpoints included (FileStoreTest kills the writer at
 * random points of back-to-back commits with a small log, and halts it in the middle of a checkpoint's writes).
 * Why not MapDB's commit for every transaction: it creates its log file, writes and fsyncs it, copies the pages
 * into the main file and fsyncs that, then truncates and deletes the log: three ext4 journal commits (3.6 ms on a
 * quiet disk, 10-16 ms p50 with other processes writing), and MapDB 3.1 has no option to skip any of them. Our log
 * never changes size, so its sync waits for no journal.
 *
 * <p>Rollback: MapDB rolls back to the last checkpoint, then the redo records after it are applied again. That
 * restores exactly the durable state, also after an engine call failed half-way, at the cost of re-applying at
 * most one log's worth of writes; rollbacks are rare (a work failing after it wrote, a failed commit).
 * Between checkpoints MapDB holds the applied writes uncommitted, so the log's size also bounds that memory.
 *
 * <p>Engine choices: MapDB's {@code StoreWAL} (transactions) keeps a checkpoint's writes out of the main file
 * until it commits, so the undo journal sees them all at once. Plain file I/O, not
 * {@code fileMmapEnable()}: with a mapped file a full disk or a truncated file becomes a SIGBUS that kills the JVM
 * instead of an exception we can roll back, while unmapping on close relies on JDK internals. The plain I/O goes
 * through a {@code FileChannel} ({@code fileChannelEnable()}), not MapDB's default {@code RandomAccessFile} volume,
 * whose {@code readLong/readInt} read byte by byte on JDK 17 (1,180 system calls per publish-shaped commit against
 * 440). The cost of a channel: an interrupt of a thread inside channel I/O closes it for the whole store, so
 * {@link LockingStore} clears a pending interrupt around every engine call (see {@code LockingStore#engine}).
 */
public final class FileStore extends LockingStore {

    private static final Pattern COMPONENT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String META = RESERVED_PREFIX + "meta";
    private static final String SCHEMA_VERSION = "schemaVersion";

    /** 2 MiB: about 1,500 publish-shaped commits between checkpoints, and at most that much uncommitted in MapDB. */
    static final long DEFAULT_LOG_BYTES = 2L << 20;
    private static final String CHECKPOINT = RESERVED_PREFIX + "redo.checkpoint";
    /** Entries removed since the file was last copied ({@link MapdbCompaction}); counted at checkpoints. */
    private static final String REMOVALS = RESERVED_PREFIX + "compaction.removals";
    /** The file's size right after its last copy (0: never copied); {@link MapdbCompaction#due} uses it. */
    private static final String COPIED_BYTES = RESERVED_PREFIX + "compaction.bytesAfterLastCopy";
    /** Removals before a copy can be due: about 20 MiB of waste at the 330 bytes measured per trimmed item. */
    static final long DEFAULT_COMPACT_AFTER_REMOVALS = 1L << 16;
    /**
     * File size up to which a due copy is made at a checkpoint rather than at the next open. Transactions wait for
     * the copy, which takes time in proportion to the live data: 30-120 ms for 2 MiB, 680 ms for 17 MiB. The bound
     * is on the file, because the live size is not known without reading everything (estimated from the removals, it
     * came out 4x too high for a node trimming at 1,000 items, which would have kept those copies from running).
     */
    static final long MAX_FILE_BYTES_COPIED_WHILE_OPEN = 32L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);

    // The file in use and its counters: a copy made at a checkpoint replaces them (all under the store lock).
    private DB db;
    private Atomic.Long checkpoint; // the number of the last redo record the MapDB file holds
    private Atomic.Long removals;
    private final StoreCompaction compaction; // null: the file was not copied at this open
    private final Path file;
    private final long compactAfterRemovals;
    private final RedoLog log;
    private final DataDirLock dirLock;
    private final Path dataDir;
    // All below guarded by the store lock (or confined to open()).
    private final Map<String, SwappableMap> raws = new HashMap<>();
    private final Map<NavigableMap<byte[], byte[]>, String> names = new IdentityHashMap<>();
    private final List<String> createdSinceCheckpoint = new ArrayList<>();
    private final RedoBatch batch = new RedoBatch();
    private long lastSeq; // the last durable record (or checkpoint)
    private long removalsSinceCheckpoint;
    private long checkpoints;
    private long copiesWhileOpen;
    private int schemaVersion;

    private FileStore(DB db, Path file, long compactAfterRemovals, StoreCompaction compaction, RedoLog log,
                      DataDirLock dirLock, Path dataDir) {
        super(true); // each commit syncs the log: transactions of several threads share it
        this.db = db;
        this.checkpoint = db.atomicLong(CHECKPOINT).open();
        this.removals = db.atomicLong(REMOVALS).open();
        this.file = file;
        this.compactAfterRemovals = compactAfterRemovals;
        this.compaction = compaction;
        this.log = log;
        this.dirLock = dirLock;
        this.dataDir = dataDir;
    }

    /** Opens a store whose data must be at {@code expectedSchemaVersion}; an older version is refused. */
    public static FileStore open(Path dataDir, String componentName, int expectedSchemaVersion) {
        return open(dataDir, componentName, expectedSchemaVersion, null);
    }

    /**
     * Creates {@code dataDir} if needed, locks it for this process (else {@link StoreLockedException}), opens the
     * component's file, records {@code expectedSchemaVersion} on first open, refuses a newer stored version
     * ({@link StoreSchemaException}) and runs {@code migration} for an older one (refused when it is null).
     */
    public static FileStore open(Path dataDir, String componentName, int expectedSchemaVersion,
                                 Migration migration) {
        return open(dataDir, componentName, expectedSchemaVersion, migration, DEFAULT_LOG_BYTES);
    }

    /** {@code logBytes}: the redo log's size; tests make it small so that checkpoints come often. */
    static FileStore open(Path dataDir, String componentName, int expectedSchemaVersion, Migration migration,
                          long logBytes) {
        return open(dataDir, componentName, expectedSchemaVersion, migration, logBytes,
                DEFAULT_COMPACT_AFTER_REMOVALS);
    }

    /** {@code compactAfterRemovals}: see {@link MapdbCompaction#due}; tests make it small. */
    static FileStore open(Path dataDir, String componentName, int expectedSchemaVersion, Migration migration,
                          long logBytes, long compactAfterRemovals) {
        if (!COMPONENT_NAME.matcher(componentName).matches()) {
            throw new IllegalArgumentException("component name must match " + COMPONENT_NAME + ": " + componentName);
        }
        if (expectedSchemaVersion < 1) {
            throw new IllegalArgumentException("schema versions start at 1: " + expectedSchemaVersion);
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create data dir " + dataDir + ": " + e, e);
        }
        DataDirLock lock = DataDirLock.acquire(dataDir);
        DB db;
        StoreCompaction compaction = null;
        Path file = dataDir.resolve(componentName + ".mapdb");
        try {
            Path copy = dataDir.resolve(componentName + ".mapdb.compact");
            Files.deleteIfExists(copy); // a copy that a crash interrupted; the file it was made from is whole
            int undone = UndoJournal.rollBack(undoFile(file), file);
            if (undone > 0) {
                LOG.warn("{}: undid a checkpoint that a crash interrupted ({} before-images written back); the redo"
                        + " log replays the commits since the last finished one", file, undone);
            }
            db = openFile(file);
            long removed = db.atomicLong(REMOVALS).open().get();
            if (MapdbCompaction.due(removed, Files.size(file), compactAfterRemovals,
                    db.atomicLong(COPIED_BYTES).open().get())) {
                long before = Files.size(file);
                try {
                    compaction = MapdbCompaction.run(db, file, copy, removed, REMOVALS, FileStore::treeMap,
                            (to, name) -> treeMapMaker(to, name).createFromSink());
                } catch (IOException | RuntimeException e) {
                    // The store works without the copy: it only keeps its wasted space until a later open.
                    compaction = StoreCompaction.failed(before, removed, e);
                } finally {
                    db = openFile(file); // the copy, or the untouched file when copying failed
                }
                recordCopy(db, compaction);
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw new StoreException("cannot open store file " + file + ": " + e, e);
        }
        Path redo = dataDir.resolve(componentName + ".redo");
        RedoLog log;
        try {
            log = RedoLog.open(redo, logBytes);
        } catch (IOException | RuntimeException e) {
            try {
                db.close();
            } finally {
                lock.close();
            }
            throw new StoreException("cannot open redo log " + redo + ": " + e, e);
        }
        FileStore store = new FileStore(db, file, compactAfterRemovals, compaction, log, lock, dataDir);
        try {
            store.replayAfterCrash();
            store.checkSchema(componentName, expectedSchemaVersion, migration);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static Path undoFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".undo");
    }

    /**
     * A new MapDB file is made beside {@code file} and renamed to it once written and synced: MapDB writes the
     * catalog of a new file only at its first commit, and a file created without it cannot be opened, so a crash
     * between the two must leave no file at all.
     */
    private static void create(Path file) throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        DB db = DBMaker.fileDB(fresh.toFile()).fileChannelEnable().make();
        try {
            db.commit();
        } finally {
            db.close();
        }
        MapdbCompaction.force(fresh);
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
        MapdbCompaction.forceDirectoryOf(file);
    }

    /**
     * What {@code DBMaker.fileDB(file).fileChannelEnable().transactionEnable().make()} builds, with the main file's
     * volume journaled ({@link JournaledVolume}); DBMaker takes no volume factory of ours for a file.
     */
    private static DB openFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        String name = file.toString();
        VolumeFactory volumes = JournaledVolume.factory(file, new UndoJournal(undoFile(file)));
        StoreWAL engine = StoreWAL.make(name, volumes, 0L, true, CC.STORE_DIRECT_CONC_SHIFT, 0L, 0L, false, false,
                false, true, false);
        // storeOpened: the file exists here (made above if it did not), with its catalog committed.
        DB db = new DB(engine, true, true, Thread.currentThread().getContextClassLoader(), 0);
        db.atomicLong(CHECKPOINT).createOrOpen();
        db.atomicLong(REMOVALS).createOrOpen();
        db.atomicLong(COPIED_BYTES).createOrOpen();
        db.commit();
        return db;
    }

    /**
     * After a copy, in the file now in use: its size, from which the file must double before the next copy, or,
     * when the copy failed, a removal count back at 0, so that the next attempt waits for as many removals again
     * instead of coming at every checkpoint.
     */
    private static void recordCopy(DB db, StoreCompaction copy) {
        if (copy.failed()) {
            db.atomicLong(REMOVALS).open().set(0);
        } else {
            db.atomicLong(COPIED_BYTES).open().set(copy.bytesAfter());
        }
        db.commit();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The copy this open made of the MapDB file to give back its wasted space, if it tried one. */
    public Optional<StoreCompaction> compaction() {
        return Optional.ofNullable(compaction);
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    private void checkSchema(String component, int expected, Migration migration) {
        StoreMap<String, Long> meta = internalMap(META, Codec.STRING, Codec.LONG);
        Long stored = meta.get(SCHEMA_VERSION);
        String where = "data dir " + dataDir.toAbsolutePath().normalize() + " holds " + component + " schema version ";
        if (stored == null) {
            inTransaction(() -> meta.put(SCHEMA_VERSION, (long) expected));
        } else if (stored > expected) {
            throw new StoreSchemaException(where + stored + ", newer than this build knows (" + expected
                    + "): run a newer build or use another --data-dir");
        } else if (stored < expected) {
            if (migration == null) {
                throw new StoreSchemaException(where + stored + ", this build needs " + expected
                        + " and has no migration from it: use another --data-dir");
            }
            schemaVersion = stored.intValue();
            migration.migrate(this, stored.intValue(), expected);
            inTransaction(() -> meta.put(SCHEMA_VERSION, (long) expected));
        }
        schemaVersion = expected;
    }

    /** MapDB commits made as checkpoints (not counting the one at open); tests count them. */
    final long checkpointCount() {
        return read(() -> checkpoints);
    }

    /** The records after the last checkpoint are what a crash left uncheckpointed: apply them, then checkpoint. */
    private void replayAfterCrash() {
        long from = checkpoint.get();
        List<byte[]> records = redoRecords(from + 1, Long.MAX_VALUE);
        lastSeq = from + records.size();
        if (!records.isEmpty()) {
            checkpoint(lastSeq);
            checkpoints = 0;
        }
    }

    private List<byte[]> redoRecords(long first, long last) {
        List<byte[]> records;
        try {
            records = log.scan(first, last);
        } catch (IOException e) {
            throw new StoreException("cannot read redo log " + log.file() + ": " + e, e);
        }
        for (byte[] record : records) {
            for (RedoBatch.Write w : RedoBatch.decode(record)) {
                NavigableMap<byte[], byte[]> map = raw(w.map());
                if (w.value() == null) {
                    map.remove(w.key());
                } else {
                    map.put(w.key(), w.value());
                }
            }
        }
        return records;
    }

    @Override
    protected NavigableMap<byte[], byte[]> openRaw(String name) {
        return raw(name);
    }

    private NavigableMap<byte[], byte[]> raw(String name) {
        SwappableMap map = raws.get(name);
        if (map == null) {
            if (!db.exists(name)) {
                createdSinceCheckpoint.add(name); // a new map is not in the redo log: the next commit checkpoints
            }
            map = new SwappableMap(treeMap(db, name));
            raws.put(name, map);
            names.put(map, name);
        }
        return map;
    }

    private static NavigableMap<byte[], byte[]> treeMap(DB db, String name) {
        return treeMapMaker(db, name).createOrOpen();
    }

    private static DB.TreeMapMaker<byte[], byte[]> treeMapMaker(DB db, String name) {
        return db.treeMap(name, Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable() // item payloads stay out of the key nodes that paging walks
                .counterEnable(); // size() without a scan
    }

    @Override
    protected void afterWrite(NavigableMap<byte[], byte[]> map, byte[] key, byte[] previous, byte[] value) {
        batch.add(names.get(map), key, value);
        if (value == null && previous != null) {
            removalsSinceCheckpoint++;
        }
    }

    @Override
    protected void commitRaw() {
        if (batch.isEmpty() && createdSinceCheckpoint.isEmpty()) {
            return;
        }
        long seq = lastSeq + 1;
        byte[] payload = batch.isEmpty() ? null : batch.encode();
        if (payload == null || !createdSinceCheckpoint.isEmpty() || !log.fits(payload.length)) {
            checkpoint(seq);
        } else {
            try {
                log.append(seq, payload);
            } catch (IOException e) {
                throw new StoreException("cannot write redo log " + log.file() + ": " + e, e);
            }
        }
        lastSeq = seq;
        batch.clear();
    }

    /**
     * One MapDB commit makes everything applied durable in the main file, recording {@code seq} as the last record
     * it covers; the redo log starts over.
     */
    private void checkpoint(long seq) {
        checkpoint.set(seq);
        // Counted, not exact: a crash loses the removals since the last checkpoint, a rollback keeps its own.
        removals.set(removals.get() + removalsSinceCheckpoint);
        removalsSinceCheckpoint = 0;
        db.commit();
        checkpoints++;
        createdSinceCheckpoint.clear();
        log.rewind();
        copyIfWasteful();
    }

    /**
     * Right after a checkpoint, everything is in the file: when a copy is due ({@link MapdbCompaction#due}) and the
     * file is small enough ({@link #MAX_FILE_BYTES_COPIED_WHILE_OPEN}), the file is copied to its live size now, so
     * that a component that runs for months does not grow its file until a restart. Transactions wait meanwhile
     * (the store lock is held). Larger files are copied at the next open. Should reopening the file fail after the
     * copy (the disk gone), this commit fails and the store with it, as any engine failure does.
     */
    private void copyIfWasteful() {
        long removed = removals.get();
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            return; // the copy is an optimisation: the next checkpoint tries again
        }
        long copiedBytes = db.atomicLong(COPIED_BYTES).open().get();
        if (bytes > MAX_FILE_BYTES_COPIED_WHILE_OPEN
                || !MapdbCompaction.due(removed, bytes, compactAfterRemovals, copiedBytes)) {
            return;
        }
        StoreCompaction copied;
        try {
            copied = MapdbCompaction.run(db, file, file.resolveSibling(file.getFileName() + ".compact"), removed,
                    REMOVALS, FileStore::treeMap, (to, name) -> treeMapMaker(to, name).createFromSink());
        } catch (IOException | RuntimeException e) {
            copied = StoreCompaction.failed(bytes, removed, e);
        }
        // The copy, or the old file when copying failed: both hold every checkpointed write.
        try {
            db = openFile(file);
        } catch (IOException e) {
            throw new StoreException("cannot reopen store file " + file + " after copying it: " + e, e);
        }
        recordCopy(db, copied);
        checkpoint = db.atomicLong(CHECKPOINT).open();
        removals = db.atomicLong(REMOVALS).open();
        raws.forEach((name, map) -> map.swap(treeMap(db, name)));
        copiesWhileOpen++;
        if (copied.failed()) {
            LOG.warn("{}: {}", file, copied.describe());
        } else {
            LOG.info("{}: {}", file, copied.describe());
        }
    }

    /** Copies of the file made while open (failed ones included); tests count them. */
    final long copiesWhileOpen() {
        return read(() -> copiesWhileOpen);
    }

    @Override
    protected void rollbackRaw() {
        batch.clear();
        long durable = lastSeq;
        db.rollback(); // to the last checkpoint, whose number is back in `checkpoint` too
        for (String created : createdSinceCheckpoint) {
            names.remove(raws.remove(created));
        }
        createdSinceCheckpoint.clear();
        long from = checkpoint.get();
        List<byte[]> records = redoRecords(from + 1, durable);
        lastSeq = from + records.size();
        if (lastSeq != durable) {
            throw new StoreException("redo log " + log.file() + " holds records up to " + lastSeq + " of " + durable
                    + " committed: the file was changed or damaged outside this process");
        }
    }

    @Override
    protected void closeRaw() {
        try {
            if (lastSeq != checkpoint.get() || !createdSinceCheckpoint.isEmpty()) {
                checkpoint(lastSeq); // the next open replays nothing
            }
        } finally {
            try {
                db.close();
            } finally {
                try {
                    log.close();
                } catch (IOException e) {
                    // Closing a channel we only read and synced: nothing of ours is lost.
                } finally {
                    dirLock.close();
                }
            }
        }
    }
}
