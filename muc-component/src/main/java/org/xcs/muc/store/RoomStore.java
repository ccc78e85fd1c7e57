package org.xcs.muc.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;

/**
 * Persistent rooms (XEP-0045 §10.2 muc#roomconfig_persistentroom): configuration, affiliations, reserved nicks,
 * subject and history. Every method returns once the change is durable (committed), so a caller may then
 * acknowledge it; non-persistent rooms are never written. Rooms come back rebuilt: no occupants, unlocked, with
 * their history.
 *
 * <p>{@link #load} and {@link #loadAfter} let a service start without reading every room first; their defaults
 * go through {@link #loadAll} (fine for small in-memory stores), real stores read only what is asked for.
 */
public interface RoomStore {

    /** Every stored room. */
    Collection<Room> loadAll();

    /** The stored room with this bare JID, if any. */
    default Optional<Room> load(JID room) {
        String key = room.toBareJID();
        return loadAll().stream().filter(r -> r.jid().toBareJID().equals(key)).findFirst();
    }

    /**
     * Up to {@code limit} stored rooms in ascending order of their bare JID (as a string), starting after
     * {@code after} (null: from the first); a page of fewer than {@code limit} rooms is the last. For listing
     * rooms: their history may be left out ({@link #load} brings it).
     */
    default List<Room> loadAfter(JID after, int limit) {
        String from = after == null ? null : after.toBareJID();
        return loadAll().stream()
                .filter(r -> from == null || r.jid().toBareJID().compareTo(from) > 0)
                .sorted(Comparator.comparing(r -> r.jid().toBareJID()))
                .limit(limit)
                .toList();
    }

    /** Writes the room's configuration, affiliations, reserved nicks and subject. */
    void save(Room room);

    /** Appends a history entry (trimmed to the room's history length). */
    void appendHistory(Room room, HistoryEntry entry);

    /** Removes the room and its history (destroyed, or no longer persistent); no write when it is not stored. */
    void delete(JID room);
}
