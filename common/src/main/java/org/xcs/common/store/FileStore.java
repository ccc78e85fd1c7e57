package org.xcs.common.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.regex.Pattern;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * The production {@link Store}: one MapDB file per component in its data dir, {@code <dataDir>/<component>.mapdb},
 * with its write-ahead log beside it, guarded by {@code <dataDir>/lock}.
 *
 * <p>Engine choices: {@code transactionEnable()} turns on the write-ahead log, so a commit that has returned is
 * replayed on the next open even after {@code kill -9}. Plain file I/O, not {@code fileMmapEnable()}: the log, not
 * the mapping, is what makes commits durable, and with a mapped file a full disk or a truncated file becomes a
 * SIGBUS that kills the JVM instead of an exception we can roll back, while unmapping on close relies on JDK
 * internals ({@code cleanerHackEnable}). Our state (rooms, nodes, items) is small next to the page cache.
 *
 * <p>The plain I/O goes through a {@code FileChannel} ({@code fileChannelEnable()}), not MapDB's default
 * {@code RandomAccessFile} volume: MapDB keeps no page cache of its own, so every record a B-tree walk or a commit
 * touches is a read system call, and on JDK 17 {@code RandomAccessFile.readLong/readInt} read byte by byte (one
 * {@code read} plus one {@code lseek} per byte). Measured on a publish-shaped transaction (4 B-tree writes and a
 * commit): 1,180 system calls per commit with the default volume, 440 with the channel, and about 25% less CPU
 * per commit. Durability is the same: both sync with fsync ({@code FileChannel.force(true)} here) and write the
 * same file format, so existing data dirs open unchanged. The cost of a channel: an interrupt of a thread inside
 * channel I/O closes the channel for the whole store ({@code ClosedByInterruptException}), so {@link LockingStore}
 * clears a pending interrupt around every engine call (see {@code LockingStore#engine}).
 *
 * <p>What a commit costs now is MapDB's write-ahead protocol, not our writes: each commit creates the log file,
 * writes and fsyncs it, copies the pages into the main file and fsyncs that, then truncates and deletes the log.
 * Measured per publish-shaped commit on this machine's ext4: two fsyncs of about 1.4 ms each and a truncate of
 * about 0.8 ms (each one an ext4 journal commit, so they grow with other processes' disk traffic), against about
 * 2 ms of CPU for the writes and the commit together. MapDB 3.1 offers no option to keep the log file or to sync
 * once; going below three journal commits per transaction means another log than MapDB's.
 */
public final class FileStore extends LockingStore {

    private static final Pattern COMPONENT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String META = RESERVED_PREFIX + "meta";
    private static final String SCHEMA_VERSION = "schemaVersion";

    private final DB db;
    private final DataDirLock dirLock;
    private final Path dataDir;
    private int schemaVersion;

    private FileStore(DB db, DataDirLock dirLock, Path dataDir) {
        super(true); // each commit syncs the log: transactions of several threads share it
        this.db = db;
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
        Path file = dataDir.resolve(componentName + ".mapdb");
        try {
            db = DBMaker.fileDB(file.toFile()).fileChannelEnable().transactionEnable().make();
        } catch (RuntimeException e) {
            lock.close();
            throw new StoreException("cannot open store file " + file + ": " + e, e);
        }
        FileStore store = new FileStore(db, lock, dataDir);
        try {
            store.checkSchema(componentName, expectedSchemaVersion, migration);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    public Path dataDir() {
        return dataDir;
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

    @Override
    protected NavigableMap<byte[], byte[]> openRaw(String name) {
        NavigableMap<byte[], byte[]> map = db.treeMap(name, Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable() // item payloads stay out of the key nodes that paging walks
                .counterEnable() // size() without a scan
                .createOrOpen(); // LockingStore commits the creation
        return map;
    }

    @Override
    protected void commitRaw() {
        db.commit();
    }

    @Override
    protected void rollbackRaw() {
        db.rollback();
    }

    @Override
    protected void closeRaw() {
        try {
            db.close();
        } finally {
            dirLock.close();
        }
    }
}
