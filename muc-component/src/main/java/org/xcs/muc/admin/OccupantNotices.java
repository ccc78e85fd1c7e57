package org.xcs.muc.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dom4j.Element;
import org.xcs.muc.protocol.OccupantPresence;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * The presences that tell a room about a role or affiliation change (XEP-0045 §5.1.3, §5.2.2): to every session of
 * every occupant, the real JID only to those who may see it (§7.2.4), 110 on the subject's own copies (§15.6.2), and
 * the subject's available presence to others only when its role is broadcast (muc#roomconfig_presencebroadcast).
 */
final class OccupantNotices {
    /** Who acted, for {@code <actor/>}: the room nick when in the room, else the bare JID (XEP-0045 §8.2, §9.1). */
    record Actor(String nick, JID bareJid) {
        static Actor of(Requester requester) {
            return new Actor(requester.occupant().map(Occupant::nick).orElse(null), requester.jid().asBareJID());
        }
    }

    private final Room room;

    OccupantNotices(Room room) {
        this.room = room;
    }

    /** Copies of the removal for the removed occupant's own sessions (sent before the reply, XEP-0045 §8.2). */
    List<Presence> removalToSubject(Occupant gone, int status, Actor actor, String reason) {
        List<Presence> out = new ArrayList<>();
        for (JID session : gone.sessions()) {
            Presence p = OccupantPresence.build(room, gone, session, room.mayDiscoverRealJids(gone), true,
                    List.of(StatusCode.SELF_PRESENCE, status));
            decorate(p, actor, reason, room.mayDiscoverRealJids(gone));
            out.add(p);
        }
        return out;
    }

    /** The removal for everyone still in the room ({@code gone} already taken out of it). */
    List<Presence> removalToOthers(Occupant gone, int status, Actor actor, String reason) {
        List<Presence> out = new ArrayList<>();
        for (Occupant recipient : room.occupants()) {
            boolean maySee = room.mayDiscoverRealJids(recipient);
            for (JID session : recipient.sessions()) {
                Presence p = OccupantPresence.build(room, gone, session, maySee, true, List.of(status));
                decorate(p, actor, reason, maySee);
                out.add(p);
            }
        }
        return out;
    }

    /** The subject's presence with its new role or affiliation, after the change. */
    List<Presence> update(Occupant subject, Role previousRole, String reason) {
        boolean shownNow = room.config().presenceBroadcast.contains(subject.role());
        boolean shownBefore = room.config().presenceBroadcast.contains(previousRole);
        List<Presence> out = new ArrayList<>();
        for (Occupant recipient : room.occupants()) {
            boolean self = recipient == subject;
            boolean maySee = room.mayDiscoverRealJids(recipient);
            for (JID session : recipient.sessions()) {
                if (self || shownNow) {
                    Presence p = OccupantPresence.build(room, subject, session, maySee, false,
                            self ? List.of(StatusCode.SELF_PRESENCE) : List.of());
                    decorate(p, null, reason, maySee);
                    out.add(p);
                } else if (shownBefore) {
                    // Others saw this occupant, and its new role is not broadcast: it leaves their roster.
                    out.add(OccupantPresence.build(room, subject, session, maySee, true, List.of()));
                }
            }
        }
        return out;
    }

    private static void decorate(Presence presence, Actor actor, String reason, boolean recipientMaySeeJids) {
        Element item = OccupantPresence.item(presence);
        if (actor != null) {
            if (actor.nick() != null) {
                item.addElement("actor").addAttribute("nick", actor.nick());
            } else if (recipientMaySeeJids) {
                item.addElement("actor").addAttribute("jid", actor.bareJid().toString());
            }
        }
        Optional.ofNullable(reason).filter(r -> !r.isEmpty())
                .ifPresent(r -> item.addElement("reason").setText(r));
    }
}
