package org.xcs.bench.scenarios.rooms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.xcs.common.store.FileStore;
import org.xcs.muc.MucModule;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.store.StoreRoomStore;
import org.xmpp.packet.JID;

/**
 * Writes persistent rooms straight into a MUC data dir through the component's own store classes (the same
 * {@link StoreRoomStore} and schema the component opens), thousands per transaction: far faster than creating and
 * configuring each room over XMPP, and the stored bytes are exactly what the component itself would write.
 */
final class RoomSeeder {
    private static final int PER_TRANSACTION = 5_000;

    private RoomSeeder() {
    }

    static String roomNode(int i) {
        return "room" + i;
    }

    /** Seeds {@code count} rooms into {@code dataDir} unless a previous call of this run already did. */
    static void seed(Path dataDir, String serviceDomain, int count, JID owner) {
        Path done = dataDir.resolveSibling(dataDir.getFileName() + ".seeded");
        if (Files.exists(done)) {
            return;
        }
        try (FileStore store = FileStore.open(dataDir, new MucModule().name(), new MucModule().schemaVersion())) {
            StoreRoomStore rooms = new StoreRoomStore(store);
            Instant now = Instant.now();
            for (int from = 0; from < count; from += PER_TRANSACTION) {
                int first = from;
                int last = Math.min(count, from + PER_TRANSACTION);
                store.inTransaction(() -> {
                    for (int i = first; i < last; i++) {
                        RoomConfig config = new RoomConfig();
                        config.persistentRoom = true;
                        config.name = "Room " + i;
                        Room room = new Room(new JID(roomNode(i), serviceDomain, null), config, now);
                        room.affiliation(owner, Affiliation.OWNER, null);
                        room.locked(false);
                        rooms.save(room);
                    }
                });
            }
        }
        try {
            Files.writeString(done, Integer.toString(count));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
