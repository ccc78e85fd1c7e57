package org.xcs.pubsub.store;

import java.util.List;
import java.util.Map;

import org.xcs.common.store.InMemoryStore;
import org.xcs.common.store.Store;

/**
 * One owner's PEP node store keeps the whole node-store contract while the owners whose bare JIDs sort right next to
 * it (a prefix of it, an extension of it) and the generic service hold nodes, items, affiliations and subscriptions
 * of the same names: any key leaking across a scope would show in the contract's counts and pages.
 */
class PepScopedNodeStoreTest extends NodeStoreContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }

    @Override
    protected NodeStore newNodeStore(Store store) {
        PepNodeStores pep = new PepNodeStores(store);
        for (NodeStore neighbour : List.of(pep.forOwner("alice@example.tes"), pep.forOwner("alice@example.test2"),
                pep.forOwner("alice@example.test.x"), new StoreNodeStore(store))) {
            neighbour.transaction(() -> {
                for (String id : List.of("a", "b", "c", "leaf", "n", "z")) {
                    neighbour.putNode(new StoredNode(id, Map.of("pubsub#title", List.of("noise")), List.of(),
                            "noise@example.test", 1L));
                    neighbour.appendItem(id, "i1", "noise@example.test", 1L, "<x/>");
                    neighbour.putAffiliation(id, "owner@example.test", "outcast");
                    neighbour.putSubscription(new StoredSubscription(id, "alice@example.test/r", "s", "pending",
                            Map.of()));
                    neighbour.markExpiring(id, true);
                }
                return null;
            });
        }
        return pep.forOwner("alice@example.test");
    }
}
