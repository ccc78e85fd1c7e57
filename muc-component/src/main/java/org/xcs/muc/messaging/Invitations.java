package org.xcs.muc.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/** XEP-0045 §7.8.2: mediated invitations sent through the room, and the invitee's decline sent back the same way. */
final class Invitations {
    private final MucContext context;

    Invitations(MucContext context) {
        this.context = context;
    }

    void handle(Room room, Message message, Element mucUser) {
        List<Element> invites = mucUser.elements("invite");
        if (!invites.isEmpty()) {
            invite(room, message, invites);
        }
        for (Element decline : mucUser.elements("decline")) {
            decline(room, message, decline);
        }
    }

    private void invite(Room room, Message message, List<Element> invites) {
        JID inviter = message.getFrom();
        Optional<Occupant> occupant = room.occupantByRealJid(inviter);
        Affiliation affiliation = room.affiliation(inviter);
        if (occupant.isEmpty() && !affiliation.atLeast(Affiliation.ADMIN)) {
            // XEP-0045 §7.8.2: one invites others to a room one is in; §7.4 lets admins and owners act from outside.
            throw new XmppException(PacketError.Condition.not_acceptable);
        }
        boolean mayGrantMembership = mayGrantMembership(room, affiliation);
        if (room.config().membersOnly && !mayGrantMembership) {
            // XEP-0045 §7.8.2: in a members-only room, inviting is for those who may edit the member list.
            throw new XmppException(PacketError.Condition.forbidden);
        }
        List<JID> invitees = new ArrayList<>();
        for (Element invite : invites) {
            invitees.add(jidAttribute(invite, "to"));
        }
        if (room.config().membersOnly) {
            grantMembership(room, invitees);
        }
        for (int i = 0; i < invites.size(); i++) {
            context.sender().send(invitation(room, message, invites.get(i), invitees.get(i)));
        }
    }

    /**
     * Who may make an invitee a member: admins and owners (XEP-0045 §5.2.1 "Edit Member List"), and members when
     * muc#roomconfig_allowinvites is on (v1.35.3: allowinvites "enables additional permissions for members").
     */
    private static boolean mayGrantMembership(Room room, Affiliation inviter) {
        return inviter.atLeast(Affiliation.ADMIN) || (inviter == Affiliation.MEMBER && room.config().allowInvites);
    }

    /** XEP-0045 §7.8.2: in a members-only room the invitee MAY be added to the member list (saved before sending). */
    private void grantMembership(Room room, List<JID> invitees) {
        boolean changed = false;
        for (JID invitee : invitees) {
            // Never over an existing affiliation: an invitation neither demotes an admin nor lifts a ban.
            if (room.affiliation(invitee) == Affiliation.NONE) {
                room.affiliation(invitee.asBareJID(), Affiliation.MEMBER, null);
                changed = true;
            }
        }
        if (changed) {
            context.rooms().changed(room);
        }
    }

    /** XEP-0045 §7.8.2: from the room, naming the inviter, with the reason and the room password if any. */
    private static Message invitation(Room room, Message request, Element invite, JID invitee) {
        Message out = new Message();
        if (request.getID() != null) {
            out.setID(request.getID());
        }
        out.setFrom(room.jid());
        out.setTo(invitee);
        Element x = out.addChildElement("x", MucNamespaces.USER);
        Element forwarded = x.addElement("invite");
        forwarded.addAttribute("from", request.getFrom().toString());
        copyChild(invite, "reason", forwarded);
        // XEP-0045 §7.9: an invitation continuing a one-to-one chat keeps its thread.
        copyChild(invite, "continue", forwarded);
        if (room.config().passwordProtected) {
            x.addElement("password").setText(room.config().password);
        }
        return out;
    }

    /** XEP-0045 §7.8.2: the room tells the inviter (a real JID, or an occupant JID of this room) about the decline. */
    private void decline(Room room, Message message, Element decline) {
        JID inviter = jidAttribute(decline, "to");
        Message out = new Message();
        if (message.getID() != null) {
            out.setID(message.getID());
        }
        out.setFrom(room.jid());
        Element forwarded = out.addChildElement("x", MucNamespaces.USER).addElement("decline");
        forwarded.addAttribute("from", message.getFrom().toBareJID());
        copyChild(decline, "reason", forwarded);
        Optional<Occupant> byNick = inviter.asBareJID().equals(room.jid()) && inviter.getResource() != null
                ? room.occupant(inviter.getResource()) : Optional.empty();
        if (byNick.isPresent()) {
            for (JID session : byNick.get().sessions()) {
                Message copy = out.createCopy();
                copy.setTo(session);
                context.sender().send(copy);
            }
        } else if (inviter.asBareJID().equals(room.jid())) {
            throw new XmppException(PacketError.Condition.item_not_found);
        } else {
            out.setTo(inviter);
            context.sender().send(out);
        }
    }

    private static JID jidAttribute(Element element, String name) {
        String value = element.attributeValue(name);
        if (value == null || value.isBlank()) {
            throw new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify,
                    "<" + element.getName() + "/> needs a '" + name + "' JID", null);
        }
        try {
            return new JID(value);
        } catch (IllegalArgumentException e) {
            throw new XmppException(PacketError.Condition.jid_malformed, PacketError.Type.modify,
                    "'" + value + "' is not a JID", null);
        }
    }

    private static void copyChild(Element from, String name, Element to) {
        Element child = from.element(name);
        if (child != null) {
            Element copy = to.addElement(name);
            child.attributes().forEach(a -> copy.addAttribute(a.getName(), a.getValue()));
            copy.setText(child.getText());
        }
    }
}
