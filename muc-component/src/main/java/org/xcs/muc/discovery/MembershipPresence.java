package org.xcs.muc.discovery;

import java.util.ArrayList;
import java.util.List;
import org.xcs.common.component.PacketSender;
import org.xcs.muc.protocol.OccupantPresence;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;

/**
 * Tells the room that registration changed an occupant's affiliation (XEP-0045 §7.10: "MUST send updated presence
 * from this individual to all occupants"): every session of every occupant gets it, the occupant's own sessions
 * with 110; others only when the occupant's role is broadcast (muc#roomconfig_presencebroadcast).
 */
final class MembershipPresence {
    private final PacketSender sender;

    MembershipPresence(PacketSender sender) {
        this.sender = sender;
    }

    /** @param removed the occupant leaves the room by this change (sent as unavailable) */
    void broadcast(Room room, Occupant changed, boolean removed, List<Integer> statuses) {
        boolean broadcastRole = room.config().presenceBroadcast.contains(changed.role());
        for (Occupant recipient : room.occupants()) {
            boolean self = recipient == changed;
            if (!self && !broadcastRole) {
                continue;
            }
            List<Integer> codes = new ArrayList<>(statuses);
            if (self) {
                codes.add(StatusCode.SELF_PRESENCE);
            }
            for (JID session : recipient.sessions()) {
                sender.send(OccupantPresence.build(room, changed, session, self || room.mayDiscoverRealJids(recipient),
                        removed, codes));
            }
        }
    }
}
