package org.xcs.muc.store;

import java.nio.file.Path;
import java.time.Instant;
import org.xcs.common.store.FileStore;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Runs in a child JVM for {@link RoomStoreKillTest}: creates a persistent room, then applies configuration changes
 * one after another (description "change N", member N, a history message N), printing "acked N" once each
 * {@code save}/{@code appendHistory} has returned, until it is killed.
 */
public final class RoomStoreProbeMain {
    static final JID ROOM = new JID("burst@muc.example.test");
    static final int HISTORY = 10;

    public static void main(String[] args) {
        FileStore store = FileStore.open(Path.of(args[0]), "muc", 1);
        StoreRoomStore rooms = new StoreRoomStore(store);
        RoomConfig config = new RoomConfig();
        config.persistentRoom = true;
        config.historyLength = HISTORY;
        Room room = new Room(ROOM, config, Instant.EPOCH);
        for (int n = 0; n < 1_000_000; n++) {
            RoomConfig changed = room.config().copy();
            changed.description = "change " + n;
            room.config(changed);
            room.affiliation(member(n), Affiliation.MEMBER, "reason " + n);
            rooms.save(room);
            Message m = new Message();
            m.setBody("message " + n);
            rooms.appendHistory(room, new HistoryEntry(m, Instant.EPOCH.plusSeconds(n), null, 9));
            System.out.println("acked " + n);
            System.out.flush();
        }
        store.close();
    }

    static JID member(int n) {
        return new JID("user" + n + "@example.test");
    }
}
