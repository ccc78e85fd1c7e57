package org.xcs.pubsub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.store.FileStore;
import org.xcs.common.store.Store;

class FileNodeStoreTest extends NodeStoreContract {

    @TempDir
    Path dir;

    @Override
    protected Store newStore() {
        return FileStore.open(dir, "pubsub", 1);
    }

    @Test
    void everythingCommittedIsThereAfterReopening() {
        nodes.transaction(() -> {
            nodes.putNode(node("c"));
            nodes.putNode(node("n", "c"));
            nodes.appendItem("n", "i1", "p@x", 1, "<one/>");
            nodes.appendItem("n", "i2", "p@x", 2, "<two/>");
            nodes.putAffiliation("n", "alice@x", "owner");
            nodes.putSubscription(new StoredSubscription("n", "bob@x/r", "s", "pending",
                    Map.of("pubsub#deliver", List.of("1"))));
            return null;
        });
        store.close();
        store = FileStore.open(dir, "pubsub", 1);
        nodes = new StoreNodeStore(store);
        assertEquals(node("n", "c"), nodes.node("n"));
        assertEquals(List.of("n"), nodes.children("c"));
        assertEquals(2, nodes.itemCount("n"));
        assertEquals(List.of("i2", "i1"), ids(nodes.newest("n", 5)));
        assertEquals(Map.of("n", "owner"), nodes.affiliationsOfEntity("alice@x"));
        assertEquals(1, nodes.pending("n").size());
        assertEquals(List.of("1"), nodes.pending("n").get(0).options().get("pubsub#deliver"));
    }
}
