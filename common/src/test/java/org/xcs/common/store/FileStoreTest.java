package org.xcs.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest extends StoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected Store newStore() {
        return FileStore.open(dataDir, "test", 1);
    }

    @Test
    void committedDataSurvivesCloseAndReopenButRolledBackDataDoesNot() {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        store.inTransaction(() -> m.put("committed", "yes"));
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            m.put("rolled back", "no");
            throw new IllegalStateException("fail");
        }));
        store.close();
        store = FileStore.open(dataDir, "test", 1);
        StoreMap<String, String> again = store.map("m", Codec.STRING, Codec.STRING);
        assertEquals("yes", again.get("committed"));
        assertNull(again.get("rolled back"));
        assertEquals(1, again.size());
    }

    @Test
    void theFirstOpenCreatesTheDataDirAndRecordsTheSchemaVersion() {
        Path fresh = dataDir.resolve("nested/dir");
        try (FileStore s = FileStore.open(fresh, "muc", 4)) {
            assertEquals(4, s.schemaVersion());
        }
        assertTrue(Files.isRegularFile(fresh.resolve("lock")));
        try (FileStore s = FileStore.open(fresh, "muc", 4)) {
            assertEquals(4, s.schemaVersion());
        }
    }

    @Test
    void aNewerStoredSchemaVersionIsRefusedWithAOneLineMessage() {
        store.close();
        Path dir = dataDir.resolve("v3");
        FileStore.open(dir, "muc", 3).close();
        StoreSchemaException e = assertThrows(StoreSchemaException.class, () -> FileStore.open(dir, "muc", 2));
        assertEquals("data dir " + dir.toAbsolutePath().normalize() + " holds muc schema version 3, newer than"
                + " this build knows (2): run a newer build or use another --data-dir", e.getMessage());
        // the refused open released the lock
        FileStore.open(dir, "muc", 3).close();
    }

    @Test
    void anOlderSchemaVersionWithoutMigrationIsRefused() {
        Path dir = dataDir.resolve("v1");
        FileStore.open(dir, "muc", 1).close();
        StoreSchemaException e = assertThrows(StoreSchemaException.class, () -> FileStore.open(dir, "muc", 2));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().contains("schema version 1, this build needs 2 and has no migration"),
                e.getMessage());
    }

    @Test
    void anOlderSchemaVersionIsMigratedOnceThenRecorded() {
        Path dir = dataDir.resolve("migrate");
        try (FileStore v1 = FileStore.open(dir, "muc", 1)) {
            StoreMap<String, String> rooms = v1.map("rooms", Codec.STRING, Codec.STRING);
            v1.inTransaction(() -> rooms.put("lobby", "old format"));
        }
        List<String> calls = new ArrayList<>();
        Migration migration = (s, from, to) -> {
            calls.add(from + "->" + to);
            StoreMap<String, String> rooms = s.map("rooms", Codec.STRING, Codec.STRING);
            s.inTransaction(() -> rooms.put("lobby", "new format"));
        };
        try (FileStore v2 = FileStore.open(dir, "muc", 2, migration)) {
            assertEquals(2, v2.schemaVersion());
            assertEquals("new format", v2.map("rooms", Codec.STRING, Codec.STRING).get("lobby"));
        }
        try (FileStore v2 = FileStore.open(dir, "muc", 2, migration)) {
            assertEquals(2, v2.schemaVersion());
        }
        assertEquals(List.of("1->2"), calls);
    }

    @Test
    void aSecondOpenInTheSameProcessIsRefusedAndTheFirstKeepsItsLock() throws Exception {
        StoreLockedException e = assertThrows(StoreLockedException.class, () -> FileStore.open(dataDir, "test", 1));
        assertTrue(e.getMessage().startsWith("data dir " + dataDir.toAbsolutePath().normalize() + " is locked by"
                + " this process (pid " + ProcessHandle.current().pid() + ")"), e.getMessage());
        // the refused attempt must not have released the OS lock we hold
        Probe probe = runProbe("open", dataDir);
        assertEquals(StoreProbeMain.LOCKED_EXIT, probe.exit, probe.output);
    }

    @Test
    void aSecondProcessIsRefusedNamingTheHoldersPid() throws Exception {
        Probe probe = runProbe("open", dataDir);
        assertEquals(StoreProbeMain.LOCKED_EXIT, probe.exit, probe.output);
        assertEquals("data dir " + dataDir.toRealPath() + " is locked by another process (pid "
                + ProcessHandle.current().pid() + "): stop it or use another --data-dir", probe.output.strip());

        store.close();
        Probe after = runProbe("open", dataDir);
        assertEquals(0, after.exit, after.output);
        assertEquals("opened schema 1", after.output.strip());
        store = FileStore.open(dataDir, "test", 1);
    }

    @Test
    void aThreadWhoseInterruptStatusIsSetStillReadsAndCommitsAndKeepsItsStatus() {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        Thread.currentThread().interrupt(); // e.g. a pool thread whose task re-asserted an InterruptedException
        try {
            store.inTransaction(() -> m.put("written while interrupted", "yes"));
            assertEquals("yes", m.get("written while interrupted"));
            assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt status is kept");
        } finally {
            Thread.interrupted();
        }
        // The file channel is still open for everyone: a later transaction commits and the data survives reopen.
        store.inTransaction(() -> m.put("after", "yes"));
        store.close();
        store = FileStore.open(dataDir, "test", 1);
        StoreMap<String, String> again = store.map("m", Codec.STRING, Codec.STRING);
        assertEquals("yes", again.get("written while interrupted"));
        assertEquals("yes", again.get("after"));
    }

    @Test
    void aFileWrittenThroughMapDbsDefaultRandomAccessFileVolumeOpensWithItsData() {
        store.close();
        Path dir = dataDir.resolve("older");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        // What builds before the FileChannel volume wrote: the same maps, MapDB's default volume.
        org.mapdb.DB old = org.mapdb.DBMaker.fileDB(dir.resolve("older.mapdb").toFile()).transactionEnable().make();
        java.util.NavigableMap<byte[], byte[]> raw = old.treeMap("m", org.mapdb.Serializer.BYTE_ARRAY,
                org.mapdb.Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().counterEnable().createOrOpen();
        for (int i = 0; i < 500; i++) {
            raw.put(Codec.STRING.encode("key " + i), Codec.STRING.encode("value " + i));
        }
        old.commit();
        old.close();

        store = FileStore.open(dir, "older", 1);
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        assertEquals(500, m.size());
        assertEquals("value 0", m.get("key 0"));
        assertEquals("value 499", m.get("key 499"));
        store.inTransaction(() -> m.put("key 500", "value 500"));
        assertEquals(501, m.size());
    }

    @Test
    void everyAcknowledgedCommitSurvivesKillDashNine() throws Exception {
        store.close();
        Path dir = dataDir.resolve("killed");
        Process child = java("write", dir);
        int acked = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked < 199 && (line = out.readLine()) != null) {
                assertEquals("acked " + (acked + 1), line);
                acked++;
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(199, acked, "the writer died before 200 acks: " + stderrOf(child));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        // The OS released the dead process's lock; the redo log is replayed on open. 200 small commits fill a tenth
        // of the production log: every acknowledged key after the map's creation comes from the replay.
        store = FileStore.open(dir, "probe", 1);
        StoreMap<Long, String> m = store.map(StoreProbeMain.MAP, Codec.LONG, Codec.STRING);
        for (long i = 0; i <= acked; i++) {
            assertEquals("value " + i, m.get(i), "acked key " + i);
        }
        assertTrue(m.size() >= acked + 1);
    }

    // A kill lands anywhere in a commit: in a redo append, or, with a log this small (a checkpoint every ~20
    // commits), in MapDB's checkpoint commit (its log written, pages copied, log truncated) or just after it. After
    // each replay the store must keep every acknowledged key AND take new commits, round after round on the same files.
    @Test
    void afterKillsAtRandomPointsOfCommitsTheReplayedStoreKeepsTakingCommits() throws Exception {
        store.close();
        Path dir = dataDir.resolve("killed-often");
        long logBytes = 1024;
        java.util.Random random = new java.util.Random(42);
        long expected = 0;
        for (int round = 1; round <= 8; round++) {
            Process child = java("write", dir, Long.toString(logBytes));
            long last = -1;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                int acks = 1 + random.nextInt(40);
                for (int i = 0; i < acks; i++) {
                    String line = out.readLine();
                    String got = line;
                    int r = round;
                    assertTrue(line != null && line.startsWith("acked "), () -> "round " + r + ": " + got + " "
                            + stderrOf(child));
                    last = Long.parseLong(line.substring("acked ".length()));
                }
                child.destroyForcibly(); // mid-stream: the writer commits back to back
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            } finally {
                child.destroyForcibly();
            }
            store = FileStore.open(dir, "probe", 1, null, logBytes);
            StoreMap<Long, String> m = store.map(StoreProbeMain.MAP, Codec.LONG, Codec.STRING);
            for (long k = 0; k <= last; k++) {
                assertEquals("value " + k, m.get(k), "round " + round + ": acked key " + k);
            }
            long next = m.size();
            for (int i = 0; i < 20; i++) {
                long key = next + i;
                store.inTransaction(() -> m.put(key, "value " + key));
            }
            expected = next + 20;
            store.close();
            store = FileStore.open(dir, "probe", 1, null, logBytes);
            assertEquals(expected, store.map(StoreProbeMain.MAP, Codec.LONG, Codec.STRING).size(), "round " + round);
            if (round < 8) {
                store.close(); // the last one is closed by the test's tear-down
            }
        }
    }

    @Test
    void aCommitIsOneRedoLogAppendAndMapDbCommitsOnlyWhenTheLogIsFull() {
        store.close();
        Path dir = dataDir.resolve("small-log");
        FileStore small = FileStore.open(dir, "test", 1, null, 4096);
        store = small;
        StoreMap<Long, String> m = store.map("m", Codec.LONG, Codec.STRING);
        long before = small.checkpointCount(); // creating "m" was one
        for (long i = 0; i < 10; i++) {
            long key = i;
            store.inTransaction(() -> m.put(key, "value " + key));
        }
        assertEquals(before, small.checkpointCount(), "10 commits of ~50 bytes fit in a 4 KiB log");
        for (long i = 10; i < 200; i++) {
            long key = i;
            store.inTransaction(() -> m.put(key, "value " + key));
        }
        long checkpoints = small.checkpointCount() - before;
        assertTrue(checkpoints >= 1 && checkpoints <= 5, checkpoints + " checkpoints for 200 commits of ~50 bytes");
        store.close();
        store = FileStore.open(dir, "test", 1, null, 4096);
        StoreMap<Long, String> again = store.map("m", Codec.LONG, Codec.STRING);
        assertEquals(200, again.size());
        for (long i = 0; i < 200; i++) {
            assertEquals("value " + i, again.get(i));
        }
    }

    @Test
    void aRollbackRestoresTheCommitsThatAreOnlyInTheRedoLog() {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        long checkpoints = fileStore().checkpointCount();
        store.inTransaction(() -> m.put("logged", "1"));
        store.inTransaction(() -> m.put("changed", "before"));
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            m.put("changed", "after");
            m.put("new", "x");
            m.remove("logged");
            throw new IllegalStateException("fail after writing");
        }));
        assertEquals(checkpoints, fileStore().checkpointCount(), "both commits are in the redo log only");
        assertEquals("1", m.get("logged"));
        assertEquals("before", m.get("changed"));
        assertNull(m.get("new"));
        store.inTransaction(() -> m.put("after the rollback", "2"));
        store.close();
        store = FileStore.open(dataDir, "test", 1);
        StoreMap<String, String> again = store.map("m", Codec.STRING, Codec.STRING);
        assertEquals(Map.of("logged", "1", "changed", "before", "after the rollback", "2"),
                Map.of("logged", again.get("logged"), "changed", again.get("changed"), "after the rollback",
                        again.get("after the rollback")));
        assertEquals(3, again.size());
    }

    @Test
    void aTransactionLargerThanTheRedoLogIsMadeDurableByACheckpoint() {
        store.close();
        Path dir = dataDir.resolve("tiny-log");
        FileStore tiny = FileStore.open(dir, "test", 1, null, 4096);
        store = tiny;
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        long before = tiny.checkpointCount();
        String big = "x".repeat(10_000);
        store.inTransaction(() -> m.put("big", big));
        assertEquals(before + 1, tiny.checkpointCount());
        store.inTransaction(() -> m.put("small", "after it"));
        store.close();
        store = FileStore.open(dir, "test", 1, null, 4096);
        StoreMap<String, String> again = store.map("m", Codec.STRING, Codec.STRING);
        assertEquals(big, again.get("big"));
        assertEquals("after it", again.get("small"));
    }

    @Test
    void concurrentTransactionsFromEightThreadsAreAllDurableAfterReopenAndShareCommits() throws Exception {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        long commitsBefore = engine().commitCount();
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String key = thread + "/" + i;
                        store.inTransaction(() -> m.put(key, "v" + key));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long commits = engine().commitCount() - commitsBefore;
        assertTrue(commits < (long) threads * perThread, "commits " + commits + " for " + threads * perThread
                + " transactions from " + threads + " threads: none shared");
        store.close();
        store = FileStore.open(dataDir, "test", 1);
        StoreMap<String, String> again = store.map("m", Codec.STRING, Codec.STRING);
        assertEquals((long) threads * perThread, again.size());
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertEquals("v" + t + "/" + i, again.get(t + "/" + i));
            }
        }
    }

    @Test
    void transactionsThatApplyWhileAnotherWaitsForTheLockShareOneCommit() throws Exception {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        long commitsBefore = engine().commitCount();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch release = new CountDownLatch(1);
            Future<?> first = writingAndHolding(pool, m, "1", release);
            List<Future<?>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String key = "other" + i;
                others.add(pool.submit(() -> store.inTransaction(() -> m.put(key, "2"))));
                awaitQueued(i + 1);
            }
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            for (Future<?> f : others) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // The first queued again behind the seven; they applied, and its one commit covered all eight.
        assertEquals(1, engine().commitCount() - commitsBefore);
        store.close();
        store = FileStore.open(dataDir, "test", 1);
        assertEquals(8, store.map("m", Codec.STRING, Codec.STRING).size());
    }

    @Test
    void aWorkFailingAfterItsWritesFailsThePendingTransactionsAndLeavesNoPartialData() throws Exception {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        store.inTransaction(() -> m.put("before", "durable"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch release = new CountDownLatch(1);
            Future<?> first = writingAndHolding(pool, m, "pending", release);
            Future<?> second = pool.submit(() -> store.inTransaction(() -> m.put("second", "pending")));
            awaitQueued(1);
            IllegalStateException boom = new IllegalStateException("boom after writing");
            Future<?> failing = pool.submit(() -> store.inTransaction(() -> {
                m.put("failing", "partial");
                m.remove("before");
                throw boom;
            }));
            awaitQueued(2);
            release.countDown(); // first and second apply, then the failing work rolls all three back
            ExecutionException own = assertThrows(ExecutionException.class, () -> failing.get(30, TimeUnit.SECONDS));
            assertSame(boom, own.getCause());
            for (Future<?> pendingOne : List.of(first, second)) {
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> pendingOne.get(30, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof StoreException, e.getCause().toString());
                assertSame(boom, e.getCause().getCause());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of("before", "durable"), contentOf(m));
        store.inTransaction(() -> m.put("after", "ok")); // the store keeps working
        store.close();
        store = FileStore.open(dataDir, "test", 1);
        assertEquals(Map.of("before", "durable", "after", "ok"),
                contentOf(store.map("m", Codec.STRING, Codec.STRING)));
    }

    @Test
    void aWorkThatThrowsWithoutWritingDoesNotDisturbThePendingTransactions() throws Exception {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch release = new CountDownLatch(1);
            Future<?> first = writingAndHolding(pool, m, "1", release);
            Future<?> second = pool.submit(() -> store.inTransaction(() -> m.put("second", "2")));
            awaitQueued(1);
            Future<?> refused = pool.submit(() -> store.inTransaction(() -> {
                assertEquals("2", m.get("second")); // sees the applied write
                throw new IllegalArgumentException("validation fails before any write");
            }));
            awaitQueued(2);
            release.countDown();
            ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalArgumentException, e.getCause().toString());
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, engine().rollbackCount());
        store.close();
        store = FileStore.open(dataDir, "test", 1);
        assertEquals(Map.of("first", "1", "second", "2"), contentOf(store.map("m", Codec.STRING, Codec.STRING)));
    }

    @Test
    void closeCommitsTheTransactionsWaitingForTheirCommit() throws Exception {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch release = new CountDownLatch(1);
            Future<?> first = writingAndHolding(pool, m, "1", release);
            Future<?> second = pool.submit(() -> store.inTransaction(() -> m.put("second", "2")));
            awaitQueued(1);
            Future<?> closing = pool.submit(store::close);
            awaitQueued(2);
            release.countDown(); // both apply, then close takes the lock before either commits
            closing.get(30, TimeUnit.SECONDS);
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        store = FileStore.open(dataDir, "test", 1);
        assertEquals(Map.of("first", "1", "second", "2"), contentOf(store.map("m", Codec.STRING, Codec.STRING)));
    }

    private LockingStore engine() {
        return (LockingStore) store;
    }

    private FileStore fileStore() {
        return (FileStore) store;
    }

    /**
     * A transaction on {@code pool} that puts {@code first} -> {@code value} and then waits inside its work, holding
     * the store lock, until {@code release}; returns once it is there.
     */
    private Future<?> writingAndHolding(ExecutorService pool, StoreMap<String, String> m, String value,
                                        CountDownLatch release) throws InterruptedException {
        CountDownLatch inWork = new CountDownLatch(1);
        Future<?> first = pool.submit(() -> store.inTransaction(() -> {
            m.put("first", value);
            inWork.countDown();
            await(release);
        }));
        assertTrue(inWork.await(30, TimeUnit.SECONDS));
        return first;
    }

    private void awaitQueued(int threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (engine().threadsWaitingForTheLock() < threads) {
            assertTrue(System.nanoTime() < deadline, "threads never queued for the store lock");
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    // MapDB 3.1 keeps the space of the B-tree nodes that an add-and-remove pattern leaves (MapdbCompaction): the open
    // after enough removals copies the live maps into a fresh file, which must hold exactly what the old one held.
    @Test
    void anOpenAfterManyRemovalsCopiesTheFileToItsLiveSizeKeepingEveryEntry() throws Exception {
        store.close();
        Path dir = dataDir.resolve("churned");
        long threshold = 2_000;
        // No copy while this one runs (aRunningStoreCopies... covers that): all removals wait for the next open.
        FileStore churned = FileStore.open(dir, "test", 1, null, FileStore.DEFAULT_LOG_BYTES, Long.MAX_VALUE);
        StoreMap<Long, String> items = churned.map("items", Codec.LONG, Codec.STRING);
        StoreMap<String, String> rooms = churned.map("rooms", Codec.STRING, Codec.STRING);
        churned.inTransaction(() -> {
            for (int r = 0; r < 200; r++) {
                rooms.put("room" + r, "config of room " + r);
            }
        });
        int publishes = 14_000;
        for (long i = 0; i < publishes; i++) {
            long key = i;
            churned.inTransaction(() -> {
                items.put(key, "item " + key + " " + "x".repeat(200));
                items.remove(key - 10);
            });
        }
        assertTrue(churned.compaction().isEmpty(), "a fresh store has nothing to give back");
        churned.close();
        long grown = Files.size(dir.resolve("test.mapdb"));

        FileStore copied = FileStore.open(dir, "test", 1, null, FileStore.DEFAULT_LOG_BYTES, threshold);
        store = copied;
        StoreCompaction copy = copied.compaction().orElseThrow(() -> new AssertionError("no copy after " + publishes
                + " removals, file " + grown / 1024 + " KiB"));
        assertFalse(copy.failed(), copy.describe());
        assertEquals(grown, copy.bytesBefore());
        assertEquals(publishes - 10, copy.removals());
        assertTrue(copy.bytesAfter() < grown, copy.describe());
        assertTrue(copy.bytesAfter() <= liveSize(dataDir.resolve("reference"), publishes), copy.describe());
        assertEquals(copy.bytesAfter(), Files.size(dir.resolve("test.mapdb")));
        assertFalse(Files.exists(dir.resolve("test.mapdb.compact")));
        assertCopied(store, publishes);

        // The copy takes commits and checkpoints, and starts counting removals from zero.
        StoreMap<Long, String> again = store.map("items", Codec.LONG, Codec.STRING);
        store.inTransaction(() -> again.put((long) publishes, "item after the copy"));
        store.close();
        FileStore reopened = FileStore.open(dir, "test", 1, null, FileStore.DEFAULT_LOG_BYTES, threshold);
        store = reopened;
        assertTrue(reopened.compaction().isEmpty(), "no removal since the copy");
        assertEquals("item after the copy", store.map("items", Codec.LONG, Codec.STRING).get((long) publishes));
        assertEquals(200, store.map("rooms", Codec.STRING, Codec.STRING).size());
    }

    // The same pattern in one long-running process: the checkpoint after enough removals copies the file, swapping
    // the maps under readers of other threads, and the file stays near its live size instead of growing.
    @Test
    void aRunningStoreCopiesItsFileAtACheckpointWhileOtherThreadsRead() throws Exception {
        store.close();
        long withoutCopies = churnInOneProcess(dataDir.resolve("never-copied"), Long.MAX_VALUE, 0);
        long withCopies = churnInOneProcess(dataDir.resolve("copied"), 2_000, 1);
        assertTrue(withCopies < withoutCopies, withCopies / 1024 + " KiB with copies, " + withoutCopies / 1024
                + " KiB without");
        store = FileStore.open(dataDir.resolve("copied"), "test", 1);
        assertCopied(store, 12_000);
    }

    /** 12,000 add-and-trim commits with a reader thread checking the rooms meanwhile; returns the file size. */
    private static long churnInOneProcess(Path dir, long compactAfterRemovals, int minCopies) throws Exception {
        int publishes = 12_000;
        // A 64 KiB log: a checkpoint every ~200 commits, where a copy may be made.
        try (FileStore churned = FileStore.open(dir, "test", 1, null, 64 << 10, compactAfterRemovals)) {
            StoreMap<Long, String> items = churned.map("items", Codec.LONG, Codec.STRING);
            StoreMap<String, String> rooms = churned.map("rooms", Codec.STRING, Codec.STRING);
            churned.inTransaction(() -> {
                for (int r = 0; r < 200; r++) {
                    rooms.put("room" + r, "config of room " + r);
                }
            });
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            ExecutorService reader = Executors.newSingleThreadExecutor();
            Future<Long> reads = reader.submit(() -> {
                long n = 0;
                while (writing.get()) {
                    String room = "room" + (n % 200);
                    assertEquals("config of " + room.replace("room", "room "), rooms.get(room));
                    assertEquals(200, rooms.ascending(null, true, 500).size());
                    n++;
                    Thread.sleep(1); // readers now and then, as a component has them, not a lock convoy
                }
                return n;
            });
            try {
                for (long i = 0; i < publishes; i++) {
                    long key = i;
                    churned.inTransaction(() -> {
                        items.put(key, "item " + key + " " + "x".repeat(200));
                        items.remove(key - 10);
                    });
                }
            } finally {
                writing.set(false);
                reader.shutdown();
            }
            assertTrue(reads.get(30, TimeUnit.SECONDS) > 0);
            assertTrue(churned.copiesWhileOpen() >= minCopies, churned.copiesWhileOpen() + " copies");
            assertCopied(churned, publishes);
        }
        return Files.size(dir.resolve("test.mapdb"));
    }

    // Deterministic kills inside a copy: before the copy is renamed, right after the rename (the directory not synced
    // yet), and between two collections of the copy. The store opened afterwards has every acknowledged commit.
    @Test
    void aKillAtEachStepOfACopyLosesNoAcknowledgedCommit() throws Exception {
        store.close();
        for (String step : List.of("collection", "copied", "moved")) {
            Path dir = dataDir.resolve("halted-" + step);
            Process child = java("churn-halt", dir, step);
            long lastAcked = -1;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.startsWith("halting")) {
                    if (line.startsWith("acked ")) {
                        lastAcked = Long.parseLong(line.substring("acked ".length()));
                    }
                }
                assertEquals("halting at " + step, line, stderrOf(child));
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            } finally {
                child.destroyForcibly();
            }
            assertEquals(137, child.exitValue());
            try (FileStore check = FileStore.open(dir, "probe", 1, null, 1024, Long.MAX_VALUE)) {
                StoreMap<Long, String> kept = check.map(StoreProbeMain.MAP, Codec.LONG, Codec.STRING);
                long newest = kept.last().getKey();
                assertTrue(newest >= lastAcked, step + ": acked " + lastAcked + ", newest " + newest);
                assertEquals(StoreProbeMain.CHURN_KEEP, kept.size(), step);
                for (long k = newest - StoreProbeMain.CHURN_KEEP + 1; k <= newest; k++) {
                    assertEquals("value " + k, kept.get(k), step + ": key " + k);
                }
                StoreMap<Long, String> stable = check.map(StoreProbeMain.STABLE_MAP, Codec.LONG, Codec.STRING);
                assertEquals(StoreProbeMain.STABLE_ENTRIES, stable.size(), step);
                assertFalse(Files.exists(dir.resolve("probe.mapdb.compact")), step);
            }
        }
    }

    /** The file size of a store that holds only what the churned one has live. */
    private static long liveSize(Path dir, int publishes) throws IOException {
        try (FileStore reference = FileStore.open(dir, "test", 1)) {
            StoreMap<Long, String> items = reference.map("items", Codec.LONG, Codec.STRING);
            StoreMap<String, String> rooms = reference.map("rooms", Codec.STRING, Codec.STRING);
            reference.inTransaction(() -> {
                for (int r = 0; r < 200; r++) {
                    rooms.put("room" + r, "config of room " + r);
                }
                for (long k = publishes - 10; k < publishes; k++) {
                    items.put(k, "item " + k + " " + "x".repeat(200));
                }
            });
        }
        return Files.size(dir.resolve("test.mapdb"));
    }

    private static void assertCopied(Store store, int publishes) {
        StoreMap<Long, String> items = store.map("items", Codec.LONG, Codec.STRING);
        assertEquals(10, items.size());
        for (long k = publishes - 10; k < publishes; k++) {
            assertTrue(items.get(k).startsWith("item " + k + " "), "item " + k);
        }
        assertEquals(publishes - 10, items.first().getKey());
        StoreMap<String, String> rooms = store.map("rooms", Codec.STRING, Codec.STRING);
        assertEquals(200, rooms.size());
        for (int r = 0; r < 200; r++) {
            assertEquals("config of room " + r, rooms.get("room" + r));
        }
    }

    @Test
    void aCopyThatACrashInterruptedIsDeletedAndTheFileItCameFromIsUsed() throws Exception {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        store.inTransaction(() -> m.put("k", "v"));
        store.close();
        Path partial = dataDir.resolve("test.mapdb.compact");
        Files.write(partial, new byte[] {1, 2, 3});

        store = newStore();
        assertEquals("v", store.map("m", Codec.STRING, Codec.STRING).get("k"));
        assertFalse(Files.exists(partial));
    }

    @Test
    void aFirstCopyIsDueWhenRemovalsWasteHalfTheFileAndEveryLaterOneWhenTheFileHasDoubled() {
        long min = FileStore.DEFAULT_COMPACT_AFTER_REMOVALS;
        assertTrue(MapdbCompaction.due(min, 20L << 20, min, 0));
        assertFalse(MapdbCompaction.due(min - 1, 20L << 20, min, 0));
        // A large store with some churn is not copied whole for a small gain.
        assertFalse(MapdbCompaction.due(min, 1L << 30, min, 0));
        assertTrue(MapdbCompaction.due(1L << 22, 1L << 30, min, 0));
        // After a copy, the file doubling is what counts, however little a removal seems to waste.
        assertFalse(MapdbCompaction.due(1L << 22, (10L << 20) - 1, min, 5L << 20));
        assertTrue(MapdbCompaction.due(min, 10L << 20, min, 5L << 20));
        assertFalse(MapdbCompaction.due(min - 1, 100L << 20, min, 5L << 20));
        // Nothing to give back below 4 MiB: MapDB's file starts at 2.
        assertFalse(MapdbCompaction.due(min, 3L << 20, min, 0));
        assertFalse(MapdbCompaction.due(min, 3L << 20, min, 1L << 20));
    }

    // MapDB 3.1 writes a commit into its main file piece by piece and does not replay its own log at open: a kill
    // in the middle of a checkpoint left a file whose free-space stacks failed with "Broken bit parity" (1 run of
    // this class in 12 before the undo journal). Here the writer halts half-way through the writes of one of MapDB's
    // commits, from the first ones on a new file to later checkpoints, and each time the store must open, keep every
    // acknowledged commit, and take new ones.
    @Test
    void aKillHalfWayThroughACheckpointsWritesIsUndoneAtOpenAndLosesNoAcknowledgedCommit() throws Exception {
        store.close();
        for (int commit : new int[] {1, 2, 3, 4, 6, 9, 14}) {
            Path dir = dataDir.resolve("halted-" + commit);
            long expected = 0;
            for (int round = 0; round < 2; round++) { // the second round halts the same way on the reopened file
                Process child = java("write-halt", dir, Integer.toString(commit));
                long last = expected - 1;
                String halted = null;
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("halting")) {
                            halted = line;
                            break;
                        }
                        last = Long.parseLong(line.substring("acked ".length()));
                        if (last > expected + 5_000) {
                            break; // a checkpoint comes every ~20 commits: this writer will not halt
                        }
                    }
                    child.destroyForcibly();
                    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                } finally {
                    child.destroyForcibly();
                }
                int c = commit;
                String why = halted;
                assertTrue(why != null, () -> "commit " + c + ": the writer never halted " + stderrOf(child));
                store = FileStore.open(dir, "probe", 1, null, 1024);
                StoreMap<Long, String> m = store.map(StoreProbeMain.MAP, Codec.LONG, Codec.STRING);
                for (long k = 0; k <= last; k++) {
                    assertEquals("value " + k, m.get(k), "commit " + commit + " (" + why + "): acked key " + k);
                }
                long next = m.size();
                for (int i = 0; i < 40; i++) { // two checkpoints' worth: the free-space stacks get used
                    long key = next + i;
                    store.inTransaction(() -> m.put(key, "value " + key));
                }
                expected = next + 40;
                store.close();
                store = FileStore.open(dir, "probe", 1, null, 1024);
                assertEquals(expected, store.map(StoreProbeMain.MAP, Codec.LONG, Codec.STRING).size(),
                        "commit " + commit);
                store.close();
            }
        }
        store = FileStore.open(dataDir, "test", 1); // for the tear-down
    }

    // A kill lands anywhere: in an open that copies the file (the churn probe's threshold makes most opens copy), in
    // the rename, in the commits after it. Every acknowledged commit (key i in, key i - 10 out) must survive.
    @Test
    void afterKillsAtRandomPointsOfOpensThatCopyTheFileEveryAcknowledgedCommitIsKept() throws Exception {
        store.close();
        Path dir = dataDir.resolve("killed-copying");
        java.util.Random random = new java.util.Random(7);
        long lastAcked = -1;
        int copies = 0;
        for (int round = 1; round <= 10; round++) {
            Process child = java("churn", dir);
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("starting", out.readLine(), () -> stderrOf(child));
                if (round % 2 == 0) {
                    Thread.sleep(random.nextInt(120)); // somewhere in the JVM's start, the open or the copy
                } else {
                    String opened = out.readLine();
                    assertTrue(opened != null && opened.startsWith("opened"), () -> opened + " " + stderrOf(child));
                    copies += opened.contains("copied") ? 1 : 0;
                    // A copy is due once the removals are estimated to waste half the file (4 MiB at least).
                    int acks = 4_500 + random.nextInt(4_000);
                    for (int i = 0; i < acks; i++) {
                        String line = out.readLine();
                        if ("copied".equals(line)) {
                            copies++;
                            continue;
                        }
                        assertTrue(line != null && line.startsWith("acked "), () -> line + " " + stderrOf(child));
                        lastAcked = Long.parseLong(line.substring("acked ".length()));
                    }
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            } finally {
                child.destroyForcibly();
            }
            // This open never copies: the copies are left to the child, where the kills land.
            try (FileStore check = FileStore.open(dir, "probe", 1, null, 1024, Long.MAX_VALUE)) {
                StoreMap<Long, String> kept = check.map(StoreProbeMain.MAP, Codec.LONG, Codec.STRING);
                Map.Entry<Long, String> last = kept.last();
                int r = round;
                long acked = lastAcked;
                if (acked >= 0) {
                    assertTrue(last != null && last.getKey() >= acked, () -> "round " + r + ": acked " + acked
                            + ", last key " + last);
                }
                StoreMap<Long, String> stable = check.map(StoreProbeMain.STABLE_MAP, Codec.LONG, Codec.STRING);
                if (!stable.isEmpty()) {
                    assertEquals(StoreProbeMain.STABLE_ENTRIES, stable.size(), "round " + round);
                    for (long k = 0; k < StoreProbeMain.STABLE_ENTRIES; k++) {
                        assertEquals("stable " + k, stable.get(k), "round " + round);
                    }
                }
                if (last != null) {
                    long newest = last.getKey();
                    lastAcked = newest; // a commit may have landed after the last ack we read
                    assertEquals(Math.min(newest + 1, StoreProbeMain.CHURN_KEEP), kept.size(), "round " + round);
                    for (long k = Math.max(0, newest - StoreProbeMain.CHURN_KEEP + 1); k <= newest; k++) {
                        assertEquals("value " + k, kept.get(k), "round " + round + ": key " + k);
                    }
                }
            }
        }
        assertTrue(copies > 0, "no child copied the file: the test did not test copying");
        System.out.println("[store] the children that were not killed at start copied the file " + copies + " times");
    }

    private record Probe(int exit, String output) {
    }

    private static Probe runProbe(String mode, Path dir) throws Exception {
        Process p = java(mode, dir);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Probe(p.exitValue(), out + stderrOf(p));
    }

    private static Process java(String mode, Path dir, String... more) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                StoreProbeMain.class.getName(), mode, dir.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    private static String stderrOf(Process p) {
        try {
            return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
