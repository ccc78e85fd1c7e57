package org.xcs.common.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mapdb.DB;
import org.mapdb.DBMaker;

/**
 * Gives a MapDB file back the space that removals leave in it, by copying the live collections into a fresh file
 * that then replaces the old one.
 *
 * <p>Why: MapDB 3.1 never reuses the file space of the B-tree nodes that an append-and-remove pattern (a PubSub node
 * at its max_items, a room's history at its length) leaves behind: measured 330-460 bytes per removed entry, with or
 * without transactions, values inline or not, so a node publishing once a second grew its component's file by
 * about 28-40 MB a day. MapDB's own {@code compact()} does nothing on a store with transactions (ours).
 *
 * <p>Crash safety: the copy goes to {@code <file>.compact}, is synced, and only then replaces the file by an atomic
 * rename (the directory synced after it). The old file was closed cleanly before, so no MapDB log of it is left to
 * be replayed onto the copy. A crash before the rename leaves the old file whole and a partial copy that the next
 * open deletes; after it, the copy is whole. Everything a component acknowledged is in the old file when the copy
 * starts (MapDB's own log replayed on open) or in our redo log, which is replayed onto the copy afterwards.
 */
final class MapdbCompaction {

    /**
     * The waste per removal assumed for a file never copied: below the 330-460 bytes measured for a node trimming at
     * its max_items, so that a first copy frees at least what it estimates there.
     */
    static final long WASTE_PER_REMOVAL = 256;
    /** MapDB's smallest file is 2 MiB: a smaller file than this has too little to give back. */
    static final long MIN_FILE_BYTES = 4L << 20;
    /**
     * Called with "copied" (the copy synced, not renamed yet), "moved" (renamed, the directory not synced yet) and
     * after each collection copied ("collection"): the kill tests halt the JVM there. Does nothing in production.
     */
    static volatile Consumer<String> stepHook = step -> { };

    private MapdbCompaction() {
    }

    /**
     * Due once {@code removals} (counted since the last copy) reach {@code minRemovals} in a file of at least
     * {@link #MIN_FILE_BYTES}, and then: for a file never copied ({@code bytesAfterLastCopy} 0), when the removals
     * are estimated to waste at least half of it ({@link #WASTE_PER_REMOVAL}), so a large store with little churn is
     * not copied for a small gain; after a copy, when the file has at least doubled since. The doubling, not an
     * estimate, keeps the file bounded: a copy measured to free 46 bytes per removal (two maps trimmed per publish)
     * would, used as the estimate, have needed the file to grow by less than 92 bytes per removal for another copy
     * to come, and a component's file grew past 13 MiB without one.
     * The work stays proportional: each copy reads at most what the file held after the previous one grew twofold.
     */
    static boolean due(long removals, long fileBytes, long minRemovals, long bytesAfterLastCopy) {
        if (removals < minRemovals || fileBytes < MIN_FILE_BYTES) {
            return false;
        }
        return bytesAfterLastCopy > 0
                ? fileBytes >= 2 * bytesAfterLastCopy
                : removals * WASTE_PER_REMOVAL >= fileBytes / 2;
    }

    /**
     * Copies every collection of {@code db} (sorted maps made by {@code treeMap}, atomic longs) into {@code copy},
     * with {@code resetCounter} set to 0, and moves the copy over {@code file}. Always closes {@code db}; on an
     * exception before the move, deletes the copy and leaves {@code file} as it was.
     */
    static StoreCompaction run(DB db, Path file, Path copy, long removals, String resetCounter,
                               BiFunction<DB, String, NavigableMap<byte[], byte[]>> treeMap,
                               BiFunction<DB, String, DB.TreeMapSink<byte[], byte[]>> treeMapSink)
            throws IOException {
        long start = System.nanoTime();
        long before = Files.size(file);
        boolean moved = false;
        try {
            try (DBHandle fresh = new DBHandle(DBMaker.fileDB(copy.toFile()).fileChannelEnable().make())) {
                for (String name : db.getAllNames()) {
                    copyCollection(db, fresh.db, name, resetCounter, treeMap, treeMapSink);
                    stepHook.accept("collection");
                }
                fresh.db.commit();
            }
            force(copy);
            stepHook.accept("copied");
            db.close();
            try (Stream<Path> leftovers = Files.list(file.getParent())) {
                // A clean close deletes MapDB's log: one left over means the old file was not closed cleanly.
                if (leftovers.anyMatch(p -> p.getFileName().toString().startsWith(file.getFileName() + ".wal"))) {
                    throw new IOException("MapDB left its log beside " + file + " after a clean close");
                }
            }
            Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            stepHook.accept("moved");
            forceDirectoryOf(file);
        } finally {
            if (!db.isClosed()) {
                db.close();
            }
            if (!moved) {
                Files.deleteIfExists(copy);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new StoreCompaction(before, Files.size(file), removals, took, null);
    }

    private static void copyCollection(DB from, DB to, String name, String resetCounter,
                                       BiFunction<DB, String, NavigableMap<byte[], byte[]>> treeMap,
                                       BiFunction<DB, String, DB.TreeMapSink<byte[], byte[]>> treeMapSink) {
        String type = from.nameCatalogParamsFor(name).get(name + "#type");
        if ("AtomicLong".equals(type)) {
            long value = name.equals(resetCounter) ? 0 : from.atomicLong(name).open().get();
            to.atomicLong(name).create().set(value);
        } else if ("TreeMap".equals(type)) {
            NavigableMap<byte[], byte[]> source = treeMap.apply(from, name);
            DB.TreeMapSink<byte[], byte[]> sink = treeMapSink.apply(to, name);
            long copied = 0;
            for (Map.Entry<byte[], byte[]> e : source.entrySet()) { // ascending: what a sink takes
                sink.put(e.getKey(), e.getValue());
                copied++;
            }
            NavigableMap<byte[], byte[]> target = sink.create();
            if (target.size() != copied || source.size() != copied) {
                throw new IllegalStateException("map " + name + ": copied " + copied + " entries of " + source.size()
                        + ", the copy holds " + target.size());
            }
        } else {
            throw new IllegalStateException("collection " + name + " is a " + type + ", which this copy cannot take");
        }
    }

    /** Closes a DB that is not closed yet (the copy's, also when copying failed). */
    private record DBHandle(DB db) implements AutoCloseable {
        @Override
        public void close() {
            if (!db.isClosed()) {
                db.close();
            }
        }
    }

    /** Syncs {@code path}'s data and size. */
    static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Syncs the directory holding {@code path}, so that a rename into it survives a power cut. */
    static void forceDirectoryOf(Path path) throws IOException {
        try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
