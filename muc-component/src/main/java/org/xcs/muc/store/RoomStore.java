package org.xcs.muc.store;

import java.util.Collection;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;

/**
 * Persistent rooms (XEP-0045 §10.2 muc#roomconfig_persistentroom): configuration, affiliations, reserved nicks,
 * subject and history. Every method returns once the change is durable (committed), so a caller may then
 * acknowledge it; non-persistent rooms are never written.
 */
public interface RoomStore {

    /** Every stored room, rebuilt (no occupants; unlocked). */
    Collection<Room> loadAll();

    /** Writes the room's configuration, affiliations, reserved nicks and subject. */
    void save(Room room);

    /** Appends a history entry (trimmed to the room's history length). */
    void appendHistory(Room room, HistoryEntry entry);

    /** Removes the room and its history (destroyed, or no longer persistent); no write when it is not stored. */
    void delete(JID room);
}
