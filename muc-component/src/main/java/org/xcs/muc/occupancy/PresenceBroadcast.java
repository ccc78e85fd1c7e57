package org.xcs.muc.occupancy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.xcs.common.component.PacketSender;
import org.xcs.muc.protocol.OccupantPresence;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * Sends an occupant's presence to the room's sessions (XEP-0045 §7.2.2, §7.6, §7.7, §7.14), always through
 * {@link OccupantPresence}: real JIDs only to those who may see them (§7.2.3/§7.2.4), status 110 to the occupant's
 * own sessions, and nothing to others when the occupant's role is not in muc#roomconfig_presencebroadcast.
 */
final class PresenceBroadcast {
    private final PacketSender sender;

    PresenceBroadcast(PacketSender sender) {
        this.sender = sender;
    }

    /**
     * The session that caused the event: it alone gets {@code extraCodes} (e.g. 100/170/201/210 on entry) and the
     * id of its request reflected (§7.2.2 "the room might also reflect the original 'id'").
     */
    record Acting(JID session, String requestId, Collection<Integer> extraCodes) {
        static Acting of(JID session, Presence request, Integer... extraCodes) {
            return new Acting(session, request.getID(), List.of(extraCodes));
        }
    }

    /** XEP-0045 §7.2.2: the presence of every other (broadcast) occupant to a newcomer's session, its own last. */
    void rosterTo(Room room, Occupant newcomer, JID session) {
        boolean maySee = room.mayDiscoverRealJids(newcomer);
        List<Presence> roster = new ArrayList<>(room.occupantCount());
        for (Occupant other : List.copyOf(room.occupants())) {
            if (other != newcomer && isBroadcast(room, other)) {
                roster.add(OccupantPresence.build(room, other, session, maySee, false, List.of()));
            }
        }
        sender.sendAll(roster);
    }

    /** {@code subject}'s current presence to every session of the room (others first, then its own). */
    void available(Room room, Occupant subject, Collection<Integer> codes, Acting acting, Predicate<JID> to) {
        send(room, subject, false, codes, acting, to, p -> { });
    }

    /** {@code subject}'s unavailable presence; {@code decorate} adds what the event carries (nick, status text). */
    void unavailable(Room room, Occupant subject, Collection<Integer> codes, Acting acting, Predicate<JID> to,
                     Consumer<Presence> decorate) {
        send(room, subject, true, codes, acting, to, decorate);
    }

    static Predicate<JID> everyone() {
        return session -> true;
    }

    private void send(Room room, Occupant subject, boolean unavailable, Collection<Integer> codes, Acting acting,
                      Predicate<JID> to, Consumer<Presence> decorate) {
        List<Presence> others = new ArrayList<>(room.occupantCount());
        List<Presence> own = new ArrayList<>();
        for (Occupant recipient : List.copyOf(room.occupants())) {
            boolean self = recipient == subject;
            if (!self && !isBroadcast(room, subject)) {
                continue;
            }
            boolean maySee = room.mayDiscoverRealJids(recipient);
            for (JID session : List.copyOf(recipient.sessions())) {
                if (!to.test(session)) {
                    continue;
                }
                boolean acts = acting != null && session.equals(acting.session());
                TreeSet<Integer> statuses = new TreeSet<>(codes);
                if (self) {
                    statuses.add(StatusCode.SELF_PRESENCE);
                }
                if (acts) {
                    statuses.addAll(acting.extraCodes());
                }
                Presence presence = OccupantPresence.build(room, subject, session, maySee, unavailable, statuses);
                if (acts && acting.requestId() != null) {
                    presence.setID(acting.requestId());
                }
                decorate.accept(presence);
                if (self) {
                    own.add(presence);
                } else {
                    others.add(presence);
                }
            }
        }
        // §7.2.2: the self-presence comes after the others' view of the event (the spec's examples' order). One
        // batch: the connection writes it in a few writes, not one per session.
        others.addAll(own);
        sender.sendAll(others);
    }

    /** XEP-0045 muc#roomconfig_presencebroadcast (§10.2): the roles whose presence others receive. */
    static boolean isBroadcast(Room room, Occupant occupant) {
        return room.config().presenceBroadcast.contains(occupant.role());
    }
}
