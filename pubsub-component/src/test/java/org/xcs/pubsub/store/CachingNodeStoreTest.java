package org.xcs.pubsub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.store.Codec;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.store.Store;
import org.xcs.common.store.StoreException;
import org.xcs.common.store.StoreMap;

/**
 * The subscription cache shows committed state only. To tell a walk served from memory from one that read the
 * store, tests change the store behind the cache's back ({@code raw}): only a walk from memory misses that change.
 */
class CachingNodeStoreTest {

    private Store store;
    private StoreNodeStore raw;
    private NodeStore nodes;

    @BeforeEach
    void open() {
        store = new InMemoryStore();
        raw = new StoreNodeStore(store);
        nodes = new CachingNodeStore(raw);
        nodes.transaction(() -> {
            nodes.putNode(new StoredNode("n", Map.of(), List.of(), "owner@x", 1L));
            nodes.putSubscription(sub("n", "alice@x"));
            nodes.putSubscription(sub("n", "bob@x"));
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static StoredSubscription sub(String node, String jid) {
        return new StoredSubscription(node, jid, "s-" + jid, "subscribed", Map.of("pubsub#deliver", List.of("1")));
    }

    private static List<String> walk(NodeStore nodes, String node) {
        List<String> jids = new ArrayList<>();
        nodes.forEachSubscription(node, s -> jids.add(s.jid()));
        return jids;
    }

    /** A change the cache cannot know of: a walk that still misses it was served from memory. */
    private void behindTheCachesBack(String node, String jid) {
        raw.transaction(() -> {
            raw.putSubscription(sub(node, jid));
            return null;
        });
    }

    @Test
    void aNodeWalkedOnceIsWalkedFromMemoryAfterwards() {
        assertEquals(List.of("alice@x", "bob@x"), walk(nodes, "n"));
        behindTheCachesBack("n", "carol@x");
        assertEquals(List.of("alice@x", "bob@x"), walk(nodes, "n"));
    }

    @Test
    void committedPutsRemovalsAndNodeDeletionShowInTheNextWalk() {
        walk(nodes, "n");
        nodes.transaction(() -> {
            nodes.putSubscription(sub("n", "carol@x"));
            return null;
        });
        assertEquals(List.of("alice@x", "bob@x", "carol@x"), walk(nodes, "n"));
        nodes.transaction(() -> {
            nodes.removeSubscription("n", "alice@x", "s-alice@x");
            return null;
        });
        assertEquals(List.of("bob@x", "carol@x"), walk(nodes, "n"));
        nodes.transaction(() -> {
            nodes.deleteNode("n");
            return null;
        });
        assertEquals(List.of(), walk(nodes, "n"));
    }

    @Test
    void aTransactionThatWritesASubscriptionThenThrowsLeavesTheCacheShowingTheCommittedState() {
        walk(nodes, "n");
        List<String> inside = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> nodes.transaction(() -> {
            nodes.putSubscription(sub("n", "carol@x"));
            nodes.removeSubscription("n", "alice@x", "s-alice@x");
            inside.addAll(walk(nodes, "n")); // the transaction sees its own writes
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of("bob@x", "carol@x"), inside);
        assertEquals(List.of("alice@x", "bob@x"), walk(nodes, "n"));
        assertEquals(List.of("alice@x", "bob@x"), walk(nodes, "n"), "and so does the list filled after it");
    }

    @Test
    void aNodeDeletedInAFailedTransactionIsStillWalkedWithItsSubscriptions() {
        walk(nodes, "n");
        assertThrows(IllegalStateException.class, () -> nodes.transaction(() -> {
            nodes.deleteNode("n");
            assertEquals(List.of(), walk(nodes, "n"));
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of("alice@x", "bob@x"), walk(nodes, "n"));
    }

    @Test
    void aCommitThatFailsAfterTheWorkReturnedLeavesTheCommittedState() {
        // The store fails the transaction after its work: a failed commit, or a rollback by another thread's
        // failing transaction (group commit) that discarded these applied writes.
        CachingNodeStore failing = new CachingNodeStore(new StoreNodeStore(failingCommits(store)));
        walk(failing, "n");
        assertThrows(StoreException.class, () -> failing.transaction(() -> {
            failing.putSubscription(sub("n", "carol@x"));
            assertEquals(List.of("alice@x", "bob@x", "carol@x"), walk(failing, "n"));
            return null;
        }));
        assertEquals(List.of("alice@x", "bob@x"), walk(failing, "n"));
    }

    /** The same maps, but every transaction fails once its work has returned: the store rolls its writes back. */
    private static Store failingCommits(Store store) {
        return new ForwardingStore(store) {
            @Override
            public <T> T transaction(Supplier<T> work) {
                return store.transaction(() -> {
                    work.get();
                    throw new StoreException("commit failed");
                });
            }
        };
    }

    private static class ForwardingStore implements Store {
        private final Store store;

        ForwardingStore(Store store) {
            this.store = store;
        }

        @Override
        public <K, V> StoreMap<K, V> map(String name, Codec<K> keys, Codec<V> values) {
            return store.map(name, keys, values);
        }

        @Override
        public <T> T transaction(Supplier<T> work) {
            return store.transaction(work);
        }

        @Override
        public int schemaVersion() {
            return store.schemaVersion();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @Test
    void anotherThreadNeverGetsTheUncommittedWritesOfARunningTransaction() throws Exception {
        walk(nodes, "n");
        CompletableFuture<List<String>> other = new CompletableFuture<>();
        Thread[] reader = new Thread[1];
        assertThrows(IllegalStateException.class, () -> nodes.transaction(() -> {
            nodes.putSubscription(sub("n", "carol@x"));
            walk(nodes, "n");
            reader[0] = new Thread(() -> other.complete(walk(nodes, "n")));
            reader[0].start();
            awaitBlockedOrDone(reader[0]);
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of("alice@x", "bob@x"), other.get(10, TimeUnit.SECONDS));
    }

    /** Until the thread waits (for the store lock) or has finished; bounded. */
    private static void awaitBlockedOrDone(Thread t) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.BLOCKED
                && t.getState() != Thread.State.TERMINATED) {
            if (System.nanoTime() > end) {
                throw new AssertionError("reader neither blocked nor finished: " + t.getState());
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aWalkThatRacedAWriteOfItsNodeKeepsNothing() {
        List<String> first = new ArrayList<>();
        nodes.forEachSubscription("n", s -> {
            if (first.isEmpty()) {
                // Between reading and keeping: a committed removal of what this walk has just read.
                nodes.transaction(() -> {
                    nodes.removeSubscription("n", "alice@x", "s-alice@x");
                    return null;
                });
            }
            first.add(s.jid());
        });
        assertEquals(List.of("alice@x", "bob@x"), first);
        assertEquals(List.of("bob@x"), walk(nodes, "n"));
    }

    @Test
    void aNodeIsNotFilledWhileAWriteOfItAwaitsItsCommitNorServedFromMemoryAfterTheRollback() throws Exception {
        // Group commit (see Store): a transaction's writes are applied and readable before its commit, and a failing
        // commit (or another thread's failing transaction) rolls them back. A reader in that window must not leave
        // them in memory.
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            List<List<String>> seen = new ArrayList<>();
            Store applyThenRollBack = windowBeforeTheCommit(store, () -> {
                seen.add(call(reader, () -> walk(nodes, "n")));
                raw.transaction(() -> { // the rollback
                    raw.removeSubscription("n", "carol@x", "s-carol@x");
                    return null;
                });
                seen.add(call(reader, () -> walk(nodes, "n")));
            });
            cachingOver(new StoreNodeStore(applyThenRollBack));
            walk(nodes, "n");
            assertThrows(StoreException.class, () -> nodes.transaction(() -> {
                nodes.putSubscription(sub("n", "carol@x"));
                return null;
            }));
            assertEquals(List.of("alice@x", "bob@x"), seen.get(1), "after the rollback");
            assertEquals(List.of("alice@x", "bob@x"), walk(nodes, "n"));
        } finally {
            reader.shutdownNow();
        }
    }

    private void cachingOver(NodeStore delegate) {
        nodes = new CachingNodeStore(delegate);
    }

    private static <T> T call(ExecutorService thread, java.util.concurrent.Callable<T> work) {
        try {
            return thread.submit(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The same maps; each transaction's work runs and is kept, then {@code window} runs (other threads read, the
     * test plays the store's rollback) and the transaction fails, as a group commit that failed would.
     */
    private static Store windowBeforeTheCommit(Store store, Runnable window) {
        return new ForwardingStore(store) {
            @Override
            public <T> T transaction(Supplier<T> work) {
                store.transaction(work);
                window.run();
                throw new StoreException("commit failed, writes rolled back");
            }
        };
    }

    @Test
    void subscriptionsWithEqualOptionsShareOneOptionsMapOnceCached() {
        walk(nodes, "n");
        List<StoredSubscription> cached = new ArrayList<>();
        nodes.forEachSubscription("n", cached::add);
        assertEquals(List.of(sub("n", "alice@x"), sub("n", "bob@x")), cached);
        assertSame(cached.get(0).options(), cached.get(1).options());
    }

    @Test
    void theLeastRecentlyWalkedNodesAreDroppedToStayWithinTheBudget() {
        CachingNodeStore small = new CachingNodeStore(raw, 6); // a node's list counts its size plus one
        small.transaction(() -> {
            small.putSubscription(sub("m", "alice@x"));
            small.putSubscription(sub("o", "alice@x"));
            return null;
        });
        walk(small, "n"); // 3
        walk(small, "m"); // 2: 5 in all
        walk(small, "n"); // n is now the most recent
        walk(small, "o"); // 2 more: m goes
        behindTheCachesBack("n", "carol@x");
        behindTheCachesBack("m", "carol@x");
        behindTheCachesBack("o", "carol@x");
        assertEquals(List.of("alice@x", "bob@x"), walk(small, "n"), "kept");
        assertEquals(List.of("alice@x"), walk(small, "o"), "kept");
        assertEquals(List.of("alice@x", "carol@x"), walk(small, "m"), "dropped, read again");
    }

    @Test
    void aNodeWithMoreSubscriptionsThanTheBudgetIsAlwaysWalkedFromTheStore() {
        CachingNodeStore small = new CachingNodeStore(raw, 2);
        assertEquals(List.of("alice@x", "bob@x"), walk(small, "n"));
        behindTheCachesBack("n", "carol@x");
        assertEquals(List.of("alice@x", "bob@x", "carol@x"), walk(small, "n"));
    }

    private static StoredNode record(String id, String title) {
        return new StoredNode(id, Map.of("pubsub#title", List.of(title)), List.of(), "owner@x", 1L);
    }

    @Test
    void aNodeRecordReadOnceIsServedFromMemoryUntilItsNextCommittedChange() {
        nodes.transaction(() -> {
            nodes.putNode(record("n", "first"));
            return null;
        });
        assertEquals(record("n", "first"), nodes.node("n"));
        raw.transaction(() -> {
            raw.putNode(record("n", "behind the cache's back"));
            return null;
        });
        assertEquals(record("n", "first"), nodes.node("n"));
        nodes.transaction(() -> {
            nodes.putNode(record("n", "second"));
            return null;
        });
        assertEquals(record("n", "second"), nodes.node("n"));
        nodes.transaction(() -> {
            nodes.deleteNode("n");
            return null;
        });
        assertEquals(null, nodes.node("n"));
    }

    @Test
    void aTransactionThatChangesOrDeletesANodeThenThrowsLeavesTheCommittedRecord() {
        nodes.transaction(() -> {
            nodes.putNode(record("n", "committed"));
            return null;
        });
        nodes.node("n");
        assertThrows(IllegalStateException.class, () -> nodes.transaction(() -> {
            nodes.putNode(record("n", "uncommitted"));
            assertEquals(record("n", "uncommitted"), nodes.node("n"));
            throw new IllegalStateException("boom");
        }));
        assertEquals(record("n", "committed"), nodes.node("n"));
        assertThrows(IllegalStateException.class, () -> nodes.transaction(() -> {
            nodes.deleteNode("n");
            assertEquals(null, nodes.node("n"));
            throw new IllegalStateException("boom");
        }));
        assertEquals(record("n", "committed"), nodes.node("n"));
        assertEquals(List.of("alice@x", "bob@x"), walk(nodes, "n"));
    }

    @Test
    void nodesAndSubscriptionsWrittenOutsideItsOwnTransactionAreRefused() {
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> nodes.putSubscription(
                sub("n", "carol@x"))));
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> nodes.putNode(record("n", "x"))));
        assertTrue(walk(nodes, "n").stream().noneMatch("carol@x"::equals));
        assertEquals(Map.of(), nodes.node("n").config());
    }
}
