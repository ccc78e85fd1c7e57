package org.xcs.pubsub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.store.Store;

/** What every NodeStore keeps, run against each Store implementation. */
abstract class NodeStoreContract {

    protected Store store;
    protected NodeStore nodes;

    protected abstract Store newStore() throws Exception;

    /** The node store under test, over {@code store}. */
    protected NodeStore newNodeStore(Store store) {
        return new StoreNodeStore(store);
    }

    @BeforeEach
    void open() throws Exception {
        store = newStore();
        nodes = newNodeStore(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static StoredNode node(String id, String... parents) {
        return new StoredNode(id, Map.of("pubsub#title", List.of("t " + id)), List.of(parents), "owner@example.test",
                1000L);
    }

    @Test
    void nodesRoundTripWithTheirConfigurationAndParents() {
        nodes.transaction(() -> {
            nodes.putNode(node("c"));
            nodes.putNode(node("leaf", "c"));
            return null;
        });
        assertEquals(node("leaf", "c"), nodes.node("leaf"));
        assertEquals(List.of("leaf"), nodes.children("c"));
        assertEquals(List.of("c", "leaf"), nodes.nodeIds(null, 10));
        assertEquals(List.of("leaf"), nodes.nodeIds("c", 10));
    }

    @Test
    void changingParentsMovesTheChildInTheIndex() {
        nodes.transaction(() -> {
            nodes.putNode(node("a"));
            nodes.putNode(node("b"));
            nodes.putNode(node("x", "a"));
            nodes.putNode(node("x", "b"));
            return null;
        });
        assertEquals(List.of(), nodes.children("a"));
        assertEquals(List.of("x"), nodes.children("b"));
    }

    @Test
    void itemsKeepPublishOrderAndOverwritingMovesAnItemToTheNewestPlace() {
        nodes.transaction(() -> {
            nodes.putNode(node("n"));
            nodes.appendItem("n", "a", "p@x", 1, "<a/>");
            nodes.appendItem("n", "b", "p@x", 2, "<b/>");
            nodes.appendItem("n", "c", "p@x", 3, "<c/>");
            nodes.appendItem("n", "a", "p@x", 4, "<a2/>");
            return null;
        });
        assertEquals(3, nodes.itemCount("n"));
        assertEquals(List.of("b", "c", "a"), ids(nodes.oldest("n", 10)));
        assertEquals(List.of("a", "c"), ids(nodes.newest("n", 2)));
        assertEquals("<a2/>", nodes.item("n", "a").payload());
        long seqOfC = nodes.item("n", "c").seq();
        assertEquals(List.of("a"), ids(nodes.after("n", seqOfC, 10)));
        assertEquals(List.of("b"), ids(nodes.before("n", seqOfC, 10)));
    }

    @Test
    void removeAndPurgeKeepTheCountRightAndSequencesMonotonic() {
        nodes.transaction(() -> {
            nodes.putNode(node("n"));
            for (int i = 0; i < 5; i++) {
                nodes.appendItem("n", "i" + i, "p@x", i, null);
            }
            nodes.removeItem("n", "i2");
            return null;
        });
        assertEquals(4, nodes.itemCount("n"));
        assertNull(nodes.item("n", "i2"));
        long lastSeq = nodes.item("n", "i4").seq();
        assertEquals(4L, (long) nodes.transaction(() -> nodes.purge("n")));
        assertEquals(0, nodes.itemCount("n"));
        assertTrue(nodes.oldest("n", 10).isEmpty());
        StoredItem again = nodes.transaction(() -> nodes.appendItem("n", "i0", "p@x", 9, null));
        assertTrue(again.seq() > lastSeq);
    }

    // A walk for the oldest items starts where an earlier walk found the oldest (OldestFloors): it must still find
    // them after many trims, a retract in the middle and a rolled-back trim.
    @Test
    void theOldestItemsAreFoundWhileANodeKeepsTrimmingItsOldest() {
        nodes.transaction(() -> {
            nodes.putNode(node("n"));
            return null;
        });
        for (int i = 0; i < 300; i++) {
            int n = i;
            nodes.transaction(() -> {
                nodes.appendItem("n", "i" + n, "p@x", n, null);
                if (nodes.itemCount("n") > 10) {
                    nodes.removeItem("n", nodes.oldest("n", 1).get(0).id());
                }
                return null;
            });
        }
        assertEquals(List.of("i290", "i291"), ids(nodes.oldest("n", 2)));
        nodes.transaction(() -> nodes.removeItem("n", "i295"));
        assertThrows(IllegalStateException.class, () -> nodes.transaction(() -> {
            nodes.removeItem("n", nodes.oldest("n", 1).get(0).id());
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(List.of("i290", "i291", "i292"), ids(nodes.oldest("n", 3)));
        assertEquals(9, nodes.itemCount("n"));
    }

    // A deleted node's items are gone with its numbering: created again, it numbers its items from the start.
    @Test
    void aNodeCreatedAgainUnderADeletedIdFindsItsOwnOldestItems() {
        nodes.transaction(() -> {
            nodes.putNode(node("n"));
            for (int i = 0; i < 20; i++) {
                nodes.appendItem("n", "old" + i, "p@x", i, null);
            }
            for (int i = 0; i < 15; i++) {
                nodes.removeItem("n", nodes.oldest("n", 1).get(0).id());
            }
            return null;
        });
        assertEquals(List.of("old15"), ids(nodes.oldest("n", 1)));
        nodes.transaction(() -> {
            nodes.deleteNode("n");
            nodes.putNode(node("n"));
            nodes.appendItem("n", "new0", "p@x", 1, null);
            return nodes.appendItem("n", "new1", "p@x", 2, null);
        });
        assertEquals(List.of("new0", "new1"), ids(nodes.oldest("n", 10)));
    }

    @Test
    void itemsOfOneNodeNeverLeakIntoANodeWhoseIdExtendsIt() {
        nodes.transaction(() -> {
            nodes.putNode(node("n"));
            nodes.putNode(node("n2"));
            nodes.appendItem("n2", "other", "p@x", 1, null);
            return null;
        });
        assertTrue(nodes.newest("n", 10).isEmpty());
        assertEquals(0, nodes.itemCount("n"));
    }

    @Test
    void affiliationsAreIndexedBothByNodeAndByEntity() {
        nodes.transaction(() -> {
            nodes.putNode(node("n"));
            nodes.putNode(node("m"));
            nodes.putAffiliation("n", "alice@x", "owner");
            nodes.putAffiliation("m", "alice@x", "member");
            nodes.putAffiliation("n", "bob@x", "publisher");
            return null;
        });
        assertEquals(Map.of("alice@x", "owner", "bob@x", "publisher"), nodes.affiliations("n"));
        assertEquals(Map.of("m", "member", "n", "owner"), nodes.affiliationsOfEntity("alice@x"));
        nodes.transaction(() -> {
            nodes.putAffiliation("m", "alice@x", null);
            return null;
        });
        assertEquals(Map.of("n", "owner"), nodes.affiliationsOfEntity("alice@x"));
    }

    @Test
    void subscriptionsAreFoundByNodeByBareJidByEntityAndWhenPending() {
        StoredSubscription full = new StoredSubscription("n", "alice@x/phone", "s1", "subscribed", Map.of());
        StoredSubscription bare = new StoredSubscription("n", "alice@x", "s2", "pending", Map.of());
        StoredSubscription bob = new StoredSubscription("n", "bob@x", "s3", "subscribed", Map.of());
        nodes.transaction(() -> {
            nodes.putNode(node("n"));
            nodes.putSubscription(full);
            nodes.putSubscription(bare);
            nodes.putSubscription(bob);
            return null;
        });
        assertEquals(2, nodes.subscriptionsOf("n", "alice@x").size());
        assertEquals(2, nodes.subscriptionsOfEntity("alice@x").size());
        assertEquals(List.of(bare), nodes.pending("n"));
        nodes.transaction(() -> {
            nodes.putSubscription(new StoredSubscription("n", "alice@x", "s2", "subscribed", Map.of()));
            return null;
        });
        assertTrue(nodes.pending("n").isEmpty());
    }

    @Test
    void aWalkVisitsTheNodesSubscriptionsInKeyOrderAndSeesEachCommittedChange() {
        nodes.transaction(() -> {
            nodes.putNode(node("n"));
            nodes.putNode(node("n2"));
            nodes.putSubscription(new StoredSubscription("n", "bob@x", "s1", "subscribed", Map.of()));
            nodes.putSubscription(new StoredSubscription("n", "alice@x/r", "s2", "pending", Map.of()));
            nodes.putSubscription(new StoredSubscription("n2", "carol@x", "s3", "subscribed", Map.of()));
            return null;
        });
        assertEquals(List.of("alice@x/r", "bob@x"), walk("n"));
        assertEquals(List.of("alice@x/r", "bob@x"), walk("n"), "a second walk sees the same");
        nodes.transaction(() -> {
            nodes.removeSubscription("n", "bob@x", "s1");
            nodes.putSubscription(new StoredSubscription("n", "dave@x", "s4", "subscribed", Map.of()));
            return null;
        });
        assertEquals(List.of("alice@x/r", "dave@x"), walk("n"));
        assertEquals(List.of("carol@x"), walk("n2"));
    }

    private List<String> walk(String node) {
        List<String> jids = new java.util.ArrayList<>();
        nodes.forEachSubscription(node, s -> jids.add(s.jid()));
        return jids;
    }

    @Test
    void deletingANodeRemovesEverythingItOwns() {
        nodes.transaction(() -> {
            nodes.putNode(node("c"));
            nodes.putNode(node("n", "c"));
            nodes.appendItem("n", "i", "p@x", 1, "<x/>");
            nodes.putAffiliation("n", "alice@x", "owner");
            nodes.putSubscription(new StoredSubscription("n", "bob@x", "s", "pending", Map.of()));
            nodes.markExpiring("n", true);
            nodes.deleteNode("n");
            return null;
        });
        assertNull(nodes.node("n"));
        assertEquals(0, nodes.itemCount("n"));
        assertNull(nodes.item("n", "i"));
        assertTrue(nodes.affiliationsOfEntity("alice@x").isEmpty());
        assertTrue(nodes.subscriptionsOfEntity("bob@x").isEmpty());
        assertTrue(nodes.pending("n").isEmpty());
        assertTrue(nodes.children("c").isEmpty());
        assertTrue(nodes.expiringNodes(null, 10).isEmpty());
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        assertThrows(IllegalStateException.class, () -> nodes.transaction(() -> {
            nodes.putNode(node("n"));
            nodes.appendItem("n", "i", "p@x", 1, null);
            throw new IllegalStateException("boom");
        }));
        assertNull(nodes.node("n"));
        assertEquals(0, nodes.itemCount("n"));
    }

    @Test
    void payloadsLargerThan64KibRoundTrip() {
        String big = "<x>" + "y".repeat(200_000) + "</x>";
        nodes.transaction(() -> {
            nodes.putNode(node("n"));
            return nodes.appendItem("n", "i", "p@x", 1, big);
        });
        assertEquals(big, nodes.item("n", "i").payload());
    }

    static List<String> ids(List<StoredItem> items) {
        return items.stream().map(StoredItem::id).toList();
    }
}
