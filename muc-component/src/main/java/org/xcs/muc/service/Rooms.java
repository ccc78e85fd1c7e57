package org.xcs.muc.service;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xcs.muc.room.Room;
import org.xcs.muc.store.RoomStore;
import org.xmpp.packet.JID;

/**
 * The rooms this service hosts. The map itself is concurrent (disco#items on the service reads it while rooms run),
 * but each room's state is only touched on that room's serial queue (the router keys by room JID).
 */
public final class Rooms {
    private final Map<JID, Room> rooms = new ConcurrentHashMap<>();
    private final RoomStore store;

    public Rooms(RoomStore store) {
        this.store = store;
        store.loadAll().forEach(room -> rooms.put(room.jid(), room));
    }

    public Optional<Room> get(JID roomJid) {
        return Optional.ofNullable(rooms.get(roomJid.asBareJID()));
    }

    public Collection<Room> all() {
        return rooms.values();
    }

    public void add(Room room) {
        rooms.put(room.jid(), room);
    }

    /** Forgets the room (destroyed, or a temporary room whose last occupant left) and its stored copy. */
    public void remove(Room room) {
        rooms.remove(room.jid());
        if (room.config().persistentRoom) {
            store.delete(room.jid());
        }
    }

    /**
     * Call after every change to a room, before acknowledging it: a persistent room is saved, a room that is not
     * (or no longer) persistent is dropped from the store (free when it was never stored).
     */
    public void changed(Room room) {
        if (room.config().persistentRoom) {
            store.save(room);
        } else {
            store.delete(room.jid());
        }
    }

    public RoomStore store() {
        return store;
    }
}
