package org.xcs.pubsub.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.store.FileStore;
import org.xcs.common.store.Store;

/** The whole node-store contract through the subscription cache, over the file store the component runs on. */
class CachedFileNodeStoreTest extends NodeStoreContract {

    @TempDir
    Path dir;

    @Override
    protected Store newStore() {
        return FileStore.open(dir, "pubsub", 1);
    }

    @Override
    protected NodeStore newNodeStore(Store store) {
        return new CachingNodeStore(new StoreNodeStore(store));
    }
}
