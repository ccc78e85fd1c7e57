package org.xcs.muc.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xcs.common.store.Codec;
import org.xcs.common.store.Store;
import org.xcs.common.store.StoreMap;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;

/**
 * {@link RoomStore} over the component's {@link Store}: map {@value #ROOMS} holds one {@link RoomCodec} value per
 * room, map {@value #HISTORY} one {@link HistoryCodec} value per message under {@link HistoryKeys}. Every write is
 * one store transaction, so when a method returns the change is committed (and, on a FileStore, in the write-ahead
 * log that a restart after kill -9 replays).
 *
 * <p>History sequence numbers of a room are contiguous (appended at the end, trimmed from the start), so trimming
 * goes down from the newest key beyond the history length to the first one missing: it touches only the entries it
 * removes, and one more.
 */
public final class StoreRoomStore implements RoomStore {

    static final String ROOMS = "muc.rooms";
    static final String HISTORY = "muc.history";
    private static final int PAGE = 500;

    private final Store store;
    private final StoreMap<String, Room> rooms;
    private final StoreMap<byte[], HistoryEntry> history;

    public StoreRoomStore(Store store) {
        this.store = store;
        this.rooms = store.map(ROOMS, Codec.STRING, new RoomCodec());
        this.history = store.map(HISTORY, Codec.BYTES, new HistoryCodec());
    }

    /** Page by page, so the store lock is never held for the whole scan (writers interleave between pages). */
    @Override
    public Collection<Room> loadAll() {
        List<Room> loaded = new ArrayList<>();
        JID after = null;
        while (true) {
            List<Room> page = loadAfter(after, PAGE);
            // One short read per room after the page: a writer waits for one of these, never for the whole scan.
            page.forEach(this::loadHistory);
            loaded.addAll(page);
            if (page.size() < PAGE) {
                return loaded;
            }
            after = page.get(page.size() - 1).jid();
        }
    }

    @Override
    public Optional<Room> load(JID room) {
        Room stored = rooms.get(room.toBareJID());
        if (stored == null) {
            return Optional.empty();
        }
        loadHistory(stored);
        return Optional.of(stored);
    }

    @Override
    public List<Room> loadAfter(JID after, int limit) {
        List<Room> page = new ArrayList<>(Math.min(limit, PAGE));
        for (Map.Entry<String, Room> entry : rooms.ascending(after == null ? null : after.toBareJID(), false, limit)) {
            page.add(entry.getValue());
        }
        return page; // without history: listing rooms needs none, and it is one range read per room
    }

    private void loadHistory(Room room) {
        int capacity = room.history().capacity();
        if (capacity > 0) {
            // Oldest first; the stored range never exceeds the capacity, but a lowered one is honoured too.
            List<Map.Entry<byte[], HistoryEntry>> newest = historyOf(room.jid()).descending(null, true, capacity);
            for (int i = newest.size() - 1; i >= 0; i--) {
                room.history().add(newest.get(i).getValue());
            }
        }
    }

    @Override
    public void save(Room room) {
        store.inTransaction(() -> {
            boolean first = rooms.put(room.jid().toBareJID(), room) == null;
            StoreMap<byte[], HistoryEntry> stored = historyOf(room.jid());
            if (first) {
                // A room that just became persistent keeps the history it already had.
                stored.clear();
                long sequence = 0;
                for (HistoryEntry entry : room.history().entries()) {
                    stored.put(HistoryKeys.key(room.jid(), sequence++), entry);
                }
            } else {
                trim(stored, room);
            }
        });
    }

    @Override
    public void appendHistory(Room room, HistoryEntry entry) {
        if (!room.config().persistentRoom) {
            return; // RoomStore: non-persistent rooms are never written
        }
        store.inTransaction(() -> {
            StoreMap<byte[], HistoryEntry> stored = historyOf(room.jid());
            Map.Entry<byte[], HistoryEntry> last = stored.last();
            long sequence = last == null ? 0 : HistoryKeys.sequence(last.getKey()) + 1;
            stored.put(HistoryKeys.key(room.jid(), sequence), entry);
            trim(stored, room);
        });
    }

    @Override
    public void delete(JID room) {
        String key = room.toBareJID();
        StoreMap<byte[], HistoryEntry> stored = historyOf(room);
        if (!rooms.containsKey(key) && stored.first() == null) {
            return; // never stored: no transaction, no write
        }
        store.inTransaction(() -> {
            rooms.remove(key);
            stored.clear();
        });
    }

    private StoreMap<byte[], HistoryEntry> historyOf(JID room) {
        return history.range(HistoryKeys.from(room), HistoryKeys.to(room));
    }

    /** Drops the oldest entries beyond the room's history length (XEP-0045 §10.2 muc#roomconfig_historylength). */
    private static void trim(StoreMap<byte[], HistoryEntry> stored, Room room) {
        int capacity = room.history().capacity();
        if (capacity <= 0) {
            stored.clear();
            return;
        }
        Map.Entry<byte[], HistoryEntry> last = stored.last();
        if (last == null) {
            return;
        }
        // Downwards from the newest entry beyond the capacity until one is missing: the sequences are contiguous, so
        // that is where the stored history started. Not upwards from stored.first(): MapDB keeps the B-tree leaves
        // that trims empty, and a walk from the room's first key crosses all of them, one more per message kept
        // and trimmed (the same walk made PubSub's trimming grow without end, see OldestFloors there).
        for (long s = HistoryKeys.sequence(last.getKey()) - capacity; s >= 0; s--) {
            if (stored.remove(HistoryKeys.key(room.jid(), s)) == null) {
                return;
            }
        }
    }
}
