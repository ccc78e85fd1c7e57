package org.xcs.muc.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.store.FileStore;
import org.xcs.common.store.Store;

class StoreRoomStoreOnFileStoreTest extends RoomStoreContract {
    @TempDir
    Path dataDir;

    @Override
    Store open() {
        return FileStore.open(dataDir, "muc", 1);
    }

    @Override
    Store reopen(Store old) {
        old.close();
        return FileStore.open(dataDir, "muc", 1);
    }
}
