package org.xcs.muc.discovery;

import java.util.Optional;
import org.xcs.common.error.XmppException;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Room;
import org.xcs.muc.service.MucSettings;
import org.xcs.muc.service.Rooms;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * Finds the room an IQ is about, as the requester may see it. XEP-0045 §7.2.10: until its owner configures it a new
 * room is locked and does not "officially exist", so to anyone but its owners (and the service admins) a locked
 * room is item-not-found, like a room that does not exist (§6.4, §7.10).
 */
final class RoomLookup {
    private final Rooms rooms;
    private final MucSettings settings;

    RoomLookup(Rooms rooms, MucSettings settings) {
        this.rooms = rooms;
        this.settings = settings;
    }

    /** The room at {@code roomJid}'s bare part, when it exists for {@code requester}. */
    Optional<Room> visible(JID roomJid, JID requester) {
        if (roomJid == null || roomJid.getNode() == null) {
            return Optional.empty();
        }
        return rooms.get(roomJid).filter(room -> !room.isLocked() || isOwner(room, requester));
    }

    Room require(JID roomJid, JID requester) {
        return visible(roomJid, requester).orElseThrow(() -> new XmppException(PacketError.Condition.item_not_found));
    }

    /** Owners of the room and the service admins (MucSettings: owner rights in every room). */
    boolean isOwner(Room room, JID requester) {
        return requester != null
                && (room.affiliation(requester) == Affiliation.OWNER || settings.isAdmin(requester));
    }

    /** XEP-0045 §6.7: whether {@code requester} is in the room (under any nick, any of its sessions). */
    static boolean isOccupant(Room room, JID requester) {
        return requester != null && !room.occupantsOf(requester).isEmpty();
    }
}
