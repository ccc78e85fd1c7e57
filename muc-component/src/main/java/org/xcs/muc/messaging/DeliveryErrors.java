package org.xcs.muc.messaging;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.OccupantPresence;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;
import org.xmpp.packet.Presence;

/**
 * XEP-0045 §18.1.2 (ghost users): when an occupant's session bounces what the room sent it with a delivery-related
 * error, the room treats it as gone, as if it had sent unavailable presence, and says why with status 333 (§11.1).
 * Other errors (a client that merely does not understand a payload) leave the occupant alone; nothing here is ever
 * answered (RFC 6120 §8.3.1).
 */
final class DeliveryErrors {
    /** XEP-0045 §18.1.2: the delivery-related errors. */
    static final Set<Condition> DELIVERY_FAILURES = EnumSet.of(Condition.gone, Condition.item_not_found,
            Condition.recipient_unavailable, Condition.redirect, Condition.remote_server_not_found,
            Condition.remote_server_timeout);

    private final MucContext context;

    DeliveryErrors(MucContext context) {
        this.context = context;
    }

    void handle(Message error) {
        JID to = error.getTo();
        JID from = error.getFrom();
        PacketError packetError = error.getError();
        if (to == null || to.getNode() == null || from == null || packetError == null
                || !DELIVERY_FAILURES.contains(packetError.getCondition())) {
            return;
        }
        context.rooms().get(to).ifPresent(room -> removeSessionsOf(room, from));
    }

    /** A full JID is one session; a bare JID (its server bounced for the account) is every session of it. */
    private void removeSessionsOf(Room room, JID from) {
        List<JID> sessions = new ArrayList<>();
        if (from.getResource() != null) {
            room.occupantByRealJid(from).ifPresent(o -> sessions.add(from));
        } else {
            room.occupantsOf(from).forEach(o -> sessions.addAll(o.sessions()));
        }
        for (JID session : sessions) {
            removeSession(room, session);
        }
        if (!sessions.isEmpty() && room.isEmpty() && !room.config().persistentRoom) {
            // A temporary room goes away with its last occupant (XEP-0045 §10.1.1 / §7.14).
            context.rooms().remove(room);
        }
    }

    /** XEP-0045 §11.1: unavailable with 333 to the removed session (with 110) and, if it was the last, to all. */
    private void removeSession(Room room, JID session) {
        Occupant occupant = room.occupantByRealJid(session).orElseThrow();
        boolean leaves = occupant.sessions().size() == 1;
        List<Presence> presences = new ArrayList<>();
        presences.add(OccupantPresence.build(room, occupant, session, room.mayDiscoverRealJids(occupant), true,
                List.of(StatusCode.SELF_PRESENCE, StatusCode.REMOVED_ERROR)));
        if (leaves && room.config().presenceBroadcast.contains(occupant.role())) {
            for (Occupant other : room.occupants()) {
                if (other == occupant) {
                    continue;
                }
                for (JID recipient : other.sessions()) {
                    presences.add(OccupantPresence.build(room, occupant, recipient, room.mayDiscoverRealJids(other),
                            true, List.of(StatusCode.REMOVED_ERROR)));
                }
            }
        }
        room.removeSession(session);
        presences.forEach(context.sender()::send);
    }
}
