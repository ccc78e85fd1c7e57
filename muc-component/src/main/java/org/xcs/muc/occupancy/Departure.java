package org.xcs.muc.occupancy;

import java.util.List;
import java.util.function.Consumer;
import org.dom4j.Element;
import org.xcs.common.stanza.ClientNamespace;
import org.xcs.muc.protocol.OccupantPresence;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xcs.muc.service.Rooms;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * A session leaving the room: by its own unavailable presence (XEP-0045 §7.14), or removed by the service after an
 * error presence from it (§11.1, status 333; §18.1.2 ghost users). A temporary room goes with its last occupant.
 */
final class Departure {
    private final Rooms rooms;
    private final PresenceBroadcast broadcast;

    Departure(Rooms rooms, PresenceBroadcast broadcast) {
        this.rooms = rooms;
        this.broadcast = broadcast;
    }

    /** §7.14: the client's status text, if any, is its exit message and travels with the unavailable presence. */
    void exit(Room room, Occupant occupant, Presence request) {
        List<Element> statuses = request.getElement().elements("status");
        leave(room, occupant, request.getFrom(), request.getID(), List.of(), presence -> {
            // Before the muc#user element, where a client's own presence has it.
            Element mucUser = OccupantPresence.mucUser(presence);
            presence.getElement().remove(mucUser);
            statuses.forEach(status -> presence.getElement().add(ClientNamespace.copyIntoStreamDefault(status)));
            presence.getElement().add(mucUser);
        });
    }

    /** §11.1: "MUST include the 333 status code", to the removed session and to the other occupants. */
    void removeAfterError(Room room, Occupant occupant, JID session) {
        leave(room, occupant, session, null, List.of(StatusCode.REMOVED_ERROR), presence -> { });
    }

    private void leave(Room room, Occupant occupant, JID session, String requestId, List<Integer> codes,
                       Consumer<Presence> decorate) {
        PresenceBroadcast.Acting acting = new PresenceBroadcast.Acting(session, requestId, List.of());
        if (occupant.sessions().size() > 1) {
            // §7.2.8 multi-session nick: the occupant stays; only this session is told it left, then everyone
            // sees the presence of the sessions that remain (the newest now shows, with its real JID).
            broadcast.unavailable(room, occupant, codes, acting, session::equals, decorate);
            room.removeSession(session);
            broadcast.available(room, occupant, List.of(), null, PresenceBroadcast.everyone());
            return;
        }
        broadcast.unavailable(room, occupant, codes, acting, PresenceBroadcast.everyone(), decorate);
        room.removeSession(session);
        // §7.14 "If the room is not persistent and this occupant is the last to exit, the service is responsible
        // for destroying the room"; a still locked room never officially existed (§10.1.1), so it goes too.
        if (room.isEmpty() && (!room.config().persistentRoom || room.isLocked())) {
            rooms.remove(room);
        }
    }
}
