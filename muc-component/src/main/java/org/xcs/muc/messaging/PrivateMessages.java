package org.xcs.muc.messaging;

import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.sid.StanzaId;
import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig.AllowPm;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/** XEP-0045 §7.5: a message to an occupant JID reaches that occupant from the sender's occupant JID. */
final class PrivateMessages {
    private final MucContext context;

    PrivateMessages(MucContext context) {
        this.context = context;
    }

    void handle(Room room, Message message) {
        if (message.getType() == Message.Type.groupchat) {
            // XEP-0045 §7.5: the recipient would take it for an in-room message.
            throw new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify,
                    "a private message is not of type groupchat", null);
        }
        Occupant sender = room.occupantByRealJid(message.getFrom())
                // XEP-0045 §7.5: the sender is not an occupant of the recipient's room.
                .orElseThrow(() -> new XmppException(PacketError.Condition.not_acceptable));
        if (!allowed(room.config().allowPm, sender.role())) {
            // muc#roomconfig_allowpm (XEP-0045 §10.2) withholds the "Send Private Messages" privilege (§5.1.1).
            throw new XmppException(PacketError.Condition.forbidden, PacketError.Type.auth,
                    "private messages are not allowed for your role in this room", null);
        }
        Occupant recipient = room.occupant(message.getTo().getResource())
                // XEP-0045 §7.5: no such occupant.
                .orElseThrow(() -> new XmppException(PacketError.Condition.item_not_found));
        MessageSize.check(message, context.settings().maxMessageChars());
        Message out = message.createCopy();
        out.setFrom(room.occupantJid(sender.nick()));
        // XEP-0359 §3: a stanza-id claiming to be the room's is a forgery, even where the room adds none.
        StanzaId.removeClaimsBy(out, room.jid());
        if (out.getChildElement("x", MucNamespaces.USER) == null) {
            // XEP-0045 §7.5: marks it as a MUC private message for XEP-0280 carbons.
            out.addChildElement("x", MucNamespaces.USER);
        }
        for (JID session : recipient.sessions()) {
            Message copy = out.createCopy();
            copy.setTo(session);
            context.sender().send(copy);
        }
    }

    static boolean allowed(AllowPm allowPm, Role role) {
        return switch (allowPm) {
            case ANYONE -> role != Role.NONE;
            case PARTICIPANTS -> role.atLeast(Role.PARTICIPANT);
            case MODERATORS -> role == Role.MODERATOR;
            case NONE -> false;
        };
    }
}
