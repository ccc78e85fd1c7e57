package org.xcs.common.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link Store} promises; run against each implementation by a subclass. */
abstract class StoreContract {

    protected Store store;

    protected abstract Store newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void valuesRoundTripThroughTheirCodecs() {
        StoreMap<String, String> strings = store.map("s", Codec.STRING, Codec.STRING);
        StoreMap<Long, Long> longs = store.map("l", Codec.LONG, Codec.LONG);
        StoreMap<String, byte[]> bytes = store.map("b", Codec.STRING, Codec.BYTES);
        store.inTransaction(() -> {
            strings.put("room@muc.example.test", "Smörgåsbord 日本 😀");
            longs.put(-5L, Long.MIN_VALUE);
            bytes.put("blob", new byte[] {0, -1, 127, -128});
        });
        assertEquals("Smörgåsbord 日本 😀", strings.get("room@muc.example.test"));
        assertEquals(Long.MIN_VALUE, longs.get(-5L));
        assertArrayEquals(new byte[] {0, -1, 127, -128}, bytes.get("blob"));
        assertNull(strings.get("absent"));
        assertTrue(strings.containsKey("room@muc.example.test"));
        assertFalse(strings.containsKey("absent"));
    }

    @Test
    void putAndRemoveReturnThePreviousValue() {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        store.inTransaction(() -> {
            assertNull(m.put("k", "v1"));
            assertEquals("v1", m.put("k", "v2"));
            assertEquals("v2", m.remove("k"));
            assertNull(m.remove("k"));
        });
        assertTrue(m.isEmpty());
    }

    @Test
    void stringKeysSortInCodePointOrder() {
        List<String> keys = new ArrayList<>(List.of("", "B", "a", "ab", "b", "z", "é", "日本", "\uFFFD", "😀"));
        List<String> expected = new ArrayList<>(keys);
        expected.sort(StoreContract::compareCodePoints);
        Collections.shuffle(keys, new Random(7));
        StoreMap<String, String> m = store.map("strings", Codec.STRING, Codec.STRING);
        store.inTransaction(() -> keys.forEach(k -> m.put(k, k)));
        assertEquals(expected, keysOf(m.ascending(null, true, 100)));
        // UTF-16 order (String.compareTo) would put the emoji before U+FFFD; code point order puts it after.
        assertTrue(expected.indexOf("😀") > expected.indexOf("\uFFFD"));
    }

    @Test
    void longKeysSortNumericallyIncludingNegatives() {
        List<Long> keys = new ArrayList<>(List.of(Long.MIN_VALUE, -1000L, -256L, -1L, 0L, 1L, 255L, 256L,
                Long.MAX_VALUE));
        List<Long> expected = keys.stream().sorted().collect(Collectors.toList());
        Collections.shuffle(keys, new Random(3));
        StoreMap<Long, String> m = store.map("longs", Codec.LONG, Codec.STRING);
        store.inTransaction(() -> keys.forEach(k -> m.put(k, "v" + k)));
        assertEquals(expected, keysOf(m.ascending(null, true, 100)));
        List<Long> reversed = new ArrayList<>(expected);
        Collections.reverse(reversed);
        assertEquals(reversed, keysOf(m.descending(null, true, 100)));
    }

    @Test
    void pagesAscendAndDescendFromAKeyWithALimit() {
        StoreMap<Long, String> m = filled(1, 100);
        assertEquals(List.of(10L, 11L, 12L), keysOf(m.ascending(10L, true, 3)));
        assertEquals(List.of(11L, 12L, 13L), keysOf(m.ascending(10L, false, 3)));
        assertEquals(List.of(10L, 9L, 8L), keysOf(m.descending(10L, true, 3)));
        assertEquals(List.of(9L, 8L, 7L), keysOf(m.descending(10L, false, 3)));
        assertEquals(List.of(99L, 100L), keysOf(m.ascending(99L, true, 10)));
        assertEquals(List.of(2L, 1L), keysOf(m.descending(2L, true, 10)));
        assertEquals(List.of(100L, 99L), keysOf(m.descending(null, true, 2)));
        assertEquals(List.of(1L, 2L), keysOf(m.ascending(null, true, 2)));
        assertEquals(List.of(1L), keysOf(m.ascending(-50L, false, 1)), "a start key absent from the map");
        assertTrue(m.ascending(100L, false, 5).isEmpty());
        assertEquals("v10", m.ascending(10L, true, 1).get(0).getValue());
    }

    @Test
    void pagingWalksEveryEntryExactlyOnceInBothDirections() {
        StoreMap<Long, String> m = filled(0, 999);
        List<Long> seen = new ArrayList<>();
        Long after = null;
        List<Map.Entry<Long, String>> page;
        while (!(page = m.ascending(after, false, 100)).isEmpty()) {
            seen.addAll(keysOf(page));
            after = page.get(page.size() - 1).getKey();
        }
        assertEquals(LongStream.rangeClosed(0, 999).boxed().collect(Collectors.toList()), seen);
        List<Long> back = new ArrayList<>();
        Long before = null;
        while (!(page = m.descending(before, false, 128)).isEmpty()) {
            back.addAll(keysOf(page));
            before = page.get(page.size() - 1).getKey();
        }
        Collections.reverse(back);
        assertEquals(seen, back);
    }

    @Test
    void rangeViewSeesOnlyItsKeysAndClampsPaging() {
        StoreMap<String, String> items = store.map("items", Codec.STRING, Codec.STRING);
        store.inTransaction(() -> {
            for (String node : List.of("a", "b", "c")) {
                for (int i = 0; i < 5; i++) {
                    items.put(node + "\0" + i, node + i);
                }
            }
        });
        StoreMap<String, String> b = items.range("b\0", "b\1");
        assertEquals(5, b.size());
        assertEquals("b0", b.first().getValue());
        assertEquals("b4", b.last().getValue());
        assertEquals(List.of("b0", "b1"), valuesOf(b.ascending("a\0" + 9, true, 2)), "start below the range");
        assertEquals(List.of("b4", "b3"), valuesOf(b.descending("z", true, 2)), "start above the range");
        assertEquals(List.of("b2", "b3", "b4"), valuesOf(b.ascending("b\0" + 1, false, 10)));
        assertEquals(List.of("b1", "b0"), valuesOf(b.descending("b\0" + 2, false, 10)));
        assertNull(b.get("a\0" + 1));
        assertFalse(b.containsKey("c\0" + 1));
        List<String> visited = new ArrayList<>();
        b.forEach((k, v) -> visited.add(v));
        assertEquals(List.of("b0", "b1", "b2", "b3", "b4"), visited);
        assertThrows(IllegalArgumentException.class, () -> store.inTransaction(() -> b.put("c\0" + 9, "x")));
        assertEquals(3, b.range("b\0" + 2, null).size(), "a narrower range inside the range");
        assertTrue(items.range("b", "b").isEmpty(), "an empty range");

        store.inTransaction(b::clear);
        assertTrue(b.isEmpty());
        assertEquals(10, items.size(), "clear on a range leaves the other nodes");
    }

    @Test
    void sizeFirstAndLastFollowTheContent() {
        StoreMap<Long, String> m = store.map("m", Codec.LONG, Codec.STRING);
        assertTrue(m.isEmpty());
        assertNull(m.first());
        assertNull(m.last());
        store.inTransaction(() -> {
            m.put(5L, "five");
            m.put(-3L, "minus three");
        });
        assertEquals(2, m.size());
        assertEquals(Map.entry(-3L, "minus three"), m.first());
        assertEquals(Map.entry(5L, "five"), m.last());
    }

    @Test
    void aFailedTransactionLeavesNoTraceAndItsExceptionPropagates() {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        StoreMap<String, String> other = store.map("other", Codec.STRING, Codec.STRING);
        store.inTransaction(() -> {
            m.put("kept", "1");
            m.put("changed", "before");
            m.put("removed", "here");
            other.put("x", "1");
            other.put("y", "2");
        });
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            m.put("new", "n");
            m.put("changed", "after");
            m.put("changed", "after again");
            m.remove("removed");
            other.clear();
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(Map.of("kept", "1", "changed", "before", "removed", "here"), contentOf(m));
        assertEquals(Map.of("x", "1", "y", "2"), contentOf(other));
        assertEquals(3, m.size());
        // and the store keeps working after the rollback
        store.inTransaction(() -> m.put("later", "ok"));
        assertEquals("ok", m.get("later"));
    }

    @Test
    void aTransactionThatChangesNothingCommitsNothing() {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        LockingStore engine = (LockingStore) store;
        long before = engine.commitCount();
        assertEquals("r", store.transaction(() -> {
            assertNull(m.get("k"));
            assertNull(m.remove("absent"), "removing an absent key changes nothing");
            m.range("a", "b").clear(); // clearing an empty view changes nothing
            return "r";
        }));
        assertEquals(before, engine.commitCount());
        store.inTransaction(() -> m.put("k", "v"));
        assertEquals(before + 1, engine.commitCount());
        store.inTransaction(() -> m.remove("k"));
        assertEquals(before + 2, engine.commitCount());
        assertTrue(m.isEmpty());
    }

    @Test
    void aTransactionThatFailsBeforeWritingNeedsNoRollback() {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        LockingStore engine = (LockingStore) store;
        store.inTransaction(() -> m.put("kept", "1"));
        long commits = engine.commitCount();
        assertThrows(IllegalArgumentException.class, () -> store.inTransaction(() -> {
            assertEquals("1", m.get("kept"));
            throw new IllegalArgumentException("validation fails before any write");
        }));
        assertEquals(0, engine.rollbackCount());
        assertEquals(commits, engine.commitCount());
        assertThrows(IllegalArgumentException.class, () -> store.inTransaction(() -> {
            m.put("written", "then");
            throw new IllegalArgumentException("fails after a write");
        }));
        assertEquals(1, engine.rollbackCount());
        assertEquals(Map.of("kept", "1"), contentOf(m));
    }

    @Test
    void writesOutsideATransactionAreRefused() {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        assertThrows(IllegalStateException.class, () -> m.put("k", "v"));
        assertThrows(IllegalStateException.class, () -> m.remove("k"));
        assertThrows(IllegalStateException.class, m::clear);
        assertTrue(m.isEmpty());
    }

    @Test
    void aNestedTransactionJoinsTheOuterOneAndRollsBackWithIt() {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            m.put("outer", "1");
            assertEquals("r", store.transaction(() -> {
                m.put("inner", "2");
                return "r";
            }));
            throw new IllegalStateException("outer fails after the inner returned");
        }));
        assertTrue(m.isEmpty());
    }

    @Test
    void transactionsFromManyThreadsNeverLoseAnUpdate() throws Exception {
        StoreMap<String, Long> counters = store.map("counters", Codec.STRING, Codec.LONG);
        int threads = 4;
        int perThread = 50; // each commit syncs the log to disk: enough to interleave, cheap to run
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.inTransaction(() -> {
                            Long n = counters.get("n");
                            counters.put("n", n == null ? 1 : n + 1);
                        });
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) threads * perThread, counters.get("n"));
    }

    @Test
    void aReadFromAnotherThreadNeverSeesTheWritesOfARunningWork() throws Exception {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch readerStarted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> assertThrows(IllegalStateException.class,
                    () -> store.inTransaction(() -> {
                        m.put("k", "uncommitted");
                        written.countDown();
                        await(readerStarted);
                        sleep(200); // give a dirty read the chance to happen before the rollback
                        throw new IllegalStateException("roll back");
                    })));
            await(written);
            Future<String> reader = pool.submit(() -> {
                readerStarted.countDown();
                return m.get("k");
            });
            assertNull(reader.get(30, TimeUnit.SECONDS));
            writer.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mapsAreOpenedOutsideTransactionsOnly() {
        assertThrows(IllegalStateException.class,
                () -> store.inTransaction(() -> store.map("late", Codec.STRING, Codec.STRING)));
    }

    @Test
    void reservedMapNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.map("__xcs.meta", Codec.STRING, Codec.LONG));
    }

    @Test
    void aClosedStoreRefusesReadsWritesAndTransactions() {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        store.close();
        assertThrows(IllegalStateException.class, () -> m.get("k"));
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> m.put("k", "v")));
        store.close(); // idempotent
    }

    @Test
    void pagingRejectsANonPositiveLimit() {
        StoreMap<Long, String> m = filled(1, 3);
        assertThrows(IllegalArgumentException.class, () -> m.ascending(null, true, 0));
        assertThrows(IllegalArgumentException.class, () -> m.descending(null, true, -1));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    protected StoreMap<Long, String> filled(long from, long to) {
        StoreMap<Long, String> m = store.map("filled", Codec.LONG, Codec.STRING);
        store.inTransaction(() -> {
            for (long i = from; i <= to; i++) {
                m.put(i, "v" + i);
            }
        });
        return m;
    }

    static <K, V> List<K> keysOf(List<Map.Entry<K, V>> entries) {
        return entries.stream().map(Map.Entry::getKey).collect(Collectors.toList());
    }

    static <K, V> List<V> valuesOf(List<Map.Entry<K, V>> entries) {
        return entries.stream().map(Map.Entry::getValue).collect(Collectors.toList());
    }

    static <K, V> Map<K, V> contentOf(StoreMap<K, V> m) {
        Map<K, V> out = new java.util.LinkedHashMap<>();
        m.forEach(out::put);
        return out;
    }

    /** Code point order, written out independently of the codec under test. */
    static int compareCodePoints(String x, String y) {
        return java.util.Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray());
    }
}
