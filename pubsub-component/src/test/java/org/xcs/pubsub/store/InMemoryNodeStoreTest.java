package org.xcs.pubsub.store;

import org.xcs.common.store.InMemoryStore;
import org.xcs.common.store.Store;

class InMemoryNodeStoreTest extends NodeStoreContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
