package org.xcs.muc.owner;

import java.util.ArrayList;
import java.util.List;
import org.dom4j.Element;
import org.xcs.common.component.PacketSender;
import org.xcs.common.stanza.sid.IdGenerator;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.protocol.OccupantPresence;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

/** The stanzas occupants get from owner actions: re-announced affiliations, removals, notifications, destruction. */
final class OwnerNotices {
    private final PacketSender sender;
    private final IdGenerator ids;

    OwnerNotices(PacketSender sender, IdGenerator ids) {
        this.sender = sender;
        this.ids = ids;
    }

    /** XEP-0045 §10.2: an occupant whose affiliation changed through the form is re-announced to everyone. */
    void affiliationChanged(Room room, Occupant subject) {
        announce(room, subject, false, List.of());
    }

    /** XEP-0045 §10.2: a non-member removed as the room became members-only, told with 322, as is everyone else. */
    void removedAsNonMember(Room room, Occupant removed) {
        List<Integer> codes = List.of(StatusCode.REMOVED_MEMBERS_ONLY);
        for (JID session : removed.sessions()) {
            sender.send(OccupantPresence.build(room, removed, session, false, true, withSelf(codes)));
        }
        announce(room, removed, true, codes);
    }

    /** XEP-0045 §10.2.1: one groupchat message from the room carrying the status codes of the change. */
    void configurationChanged(Room room, List<Integer> codes) {
        for (Occupant occupant : room.occupants()) {
            for (JID session : occupant.sessions()) {
                Message message = new Message();
                message.setType(Message.Type.groupchat);
                message.setFrom(room.jid());
                message.setTo(session);
                message.setID(ids.next());
                Element x = message.addChildElement("x", MucNamespaces.USER);
                codes.forEach(code -> x.addElement("status").addAttribute("code", String.valueOf(code)));
                sender.send(message);
            }
        }
    }

    /**
     * XEP-0045 §10.9: each occupant gets one unavailable presence, its own (no broadcast of everyone's exit), with
     * affiliation and role none and the {@code <destroy/>} with venue and reason.
     */
    void destroyed(Room room, DestroyRequest request) {
        for (Occupant occupant : room.occupants()) {
            for (JID session : occupant.sessions()) {
                Presence presence = OccupantPresence.build(room, occupant, session, false, true,
                        List.of(StatusCode.SELF_PRESENCE));
                OccupantPresence.item(presence).addAttribute("affiliation", "none");
                request.addTo(OccupantPresence.mucUser(presence));
                sender.send(presence);
            }
        }
    }

    /**
     * Sends {@code subject}'s presence to the occupants (110 added for its own sessions). XEP-0045 §15.5.3
     * presencebroadcast: roles not listed are shown only to themselves.
     */
    private void announce(Room room, Occupant subject, boolean unavailable, List<Integer> codes) {
        boolean broadcast = room.config().presenceBroadcast.contains(subject.role());
        for (Occupant recipient : room.occupants()) {
            boolean self = recipient.nick().equals(subject.nick());
            if (!broadcast && !self) {
                continue;
            }
            for (JID session : recipient.sessions()) {
                sender.send(OccupantPresence.build(room, subject, session, room.mayDiscoverRealJids(recipient),
                        unavailable, self ? withSelf(codes) : codes));
            }
        }
    }

    private static List<Integer> withSelf(List<Integer> codes) {
        List<Integer> all = new ArrayList<>();
        all.add(StatusCode.SELF_PRESENCE);
        all.addAll(codes);
        return all;
    }
}
