package org.xcs.muc.occupancy;

import java.util.List;
import org.xcs.muc.protocol.OccupantPresence;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.Presence;

/**
 * XEP-0045 §7.6: presence from an occupant's session to another nick in the same room. Every session in the room
 * gets an unavailable presence from the old nick carrying the new one and status 303, then the available presence
 * under the new nick (with 210 to the acting session when the service changed the nick). The occupant moves with all
 * its sessions, role and affiliation.
 */
final class NickChange {
    private final Admission admission;
    private final PresenceBroadcast broadcast;

    NickChange(Admission admission, PresenceBroadcast broadcast) {
        this.admission = admission;
        this.broadcast = broadcast;
    }

    void change(Room room, Occupant occupant, Presence request, OccupantAddress address) {
        String newNick = address.nick();
        admission.admitNickChange(room, occupant, newNick);
        broadcast.unavailable(room, occupant, List.of(StatusCode.NEW_NICK), null, PresenceBroadcast.everyone(),
                presence -> {
                    // §7.6 example: the item names the new nick and keeps the role the occupant still has.
                    OccupantPresence.item(presence).addAttribute("nick", newNick);
                    OccupantPresence.item(presence).addAttribute("role", occupant.role().wireName());
                });
        Occupant renamed = room.rename(occupant, newNick);
        renamed.presence(request.getFrom(), RelayedPresence.of(request));
        List<Integer> extra = address.nickModified() ? List.of(StatusCode.NICK_ASSIGNED) : List.of();
        broadcast.available(room, renamed, List.of(),
                new PresenceBroadcast.Acting(request.getFrom(), request.getID(), extra), PresenceBroadcast.everyone());
    }
}
