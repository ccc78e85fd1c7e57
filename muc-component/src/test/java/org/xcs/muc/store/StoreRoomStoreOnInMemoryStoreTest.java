package org.xcs.muc.store;

import org.xcs.common.store.InMemoryStore;
import org.xcs.common.store.Store;

class StoreRoomStoreOnInMemoryStoreTest extends RoomStoreContract {
    @Override
    Store open() {
        return new InMemoryStore();
    }

    @Override
    Store reopen(Store old) {
        return old; // the data outlives the StoreRoomStore, which is rebuilt: only decoding is exercised
    }
}
