package org.xcs.muc.messaging;

import java.util.Optional;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.MessageHandler;
import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/**
 * The one message handler of the service: picks the use case from the address, the type and the payload, on the
 * room's serial queue. Refusals are thrown as {@link XmppException}; the router bounces them (never for errors).
 */
final class MessageDispatch implements MessageHandler {
    private final MucContext context;
    private final Groupchat groupchat;
    private final SubjectChange subjectChange;
    private final PrivateMessages privateMessages;
    private final Invitations invitations;
    private final VoiceRequests voiceRequests;
    private final DeliveryErrors deliveryErrors;

    MessageDispatch(MucContext context, Groupchat groupchat, SubjectChange subjectChange,
                    PrivateMessages privateMessages, Invitations invitations, VoiceRequests voiceRequests,
                    DeliveryErrors deliveryErrors) {
        this.context = context;
        this.groupchat = groupchat;
        this.subjectChange = subjectChange;
        this.privateMessages = privateMessages;
        this.invitations = invitations;
        this.voiceRequests = voiceRequests;
        this.deliveryErrors = deliveryErrors;
    }

    @Override
    public void handle(Message message) {
        if (message.getType() == Message.Type.error) {
            deliveryErrors.handle(message);
            return;
        }
        JID to = message.getTo();
        if (to == null || to.getNode() == null) {
            toService(message);
            return;
        }
        // XEP-0045 §17.2 rule 3: a room that does not exist or is not yet unlocked answers item-not-found.
        Room room = context.rooms().get(to).filter(r -> !r.isLocked())
                .orElseThrow(() -> new XmppException(PacketError.Condition.item_not_found));
        if (to.getResource() != null) {
            privateMessages.handle(room, message);
        } else if (message.getType() == Message.Type.groupchat) {
            if (SubjectChange.isSubjectChange(message)) {
                subjectChange.handle(room, message);
            } else {
                groupchat.handle(room, message);
            }
        } else {
            toRoom(room, message);
        }
    }

    /** A message to the room JID that is not groupchat: an invitation, a decline, or a voice request form. */
    private void toRoom(Room room, Message message) {
        Element x = message.getChildElement("x", MucNamespaces.USER);
        if (x != null && (x.element("invite") != null || x.element("decline") != null)) {
            invitations.handle(room, message, x);
            return;
        }
        Optional<Element> request = VoiceRequests.formIn(message);
        if (request.isPresent()) {
            voiceRequests.handle(room, message, request.get());
            return;
        }
        if (room.occupantByRealJid(message.getFrom()).isEmpty()) {
            // XEP-0045 §7.4: not an occupant.
            throw new XmppException(PacketError.Condition.not_acceptable);
        }
        // XEP-0045 §17.2 rule 1: a message to all occupants must be of type groupchat.
        throw new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify,
                "messages to the room must be of type groupchat", null);
    }

    /** The service JID itself takes no messages (RFC 6120 §8.4: service-unavailable); headlines need no answer. */
    private void toService(Message message) {
        if (message.getType() != Message.Type.headline) {
            throw new XmppException(PacketError.Condition.service_unavailable);
        }
    }
}
