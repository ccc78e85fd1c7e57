package org.xcs.muc.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;

/** Keeps nothing across restarts: for unit tests, where rooms live as long as the test. */
public final class InMemoryRoomStore implements RoomStore {
    private final Map<JID, Room> saved = new ConcurrentHashMap<>();

    @Override
    public Collection<Room> loadAll() {
        return new ArrayList<>(saved.values());
    }

    @Override
    public Optional<Room> load(JID room) {
        return Optional.ofNullable(saved.get(room.asBareJID()));
    }

    @Override
    public void save(Room room) {
        saved.put(room.jid(), room);
    }

    @Override
    public void appendHistory(Room room, HistoryEntry entry) {
        // the room object itself holds its history
    }

    @Override
    public void delete(JID room) {
        saved.remove(room);
    }

    public boolean contains(JID room) {
        return saved.containsKey(room);
    }
}
