package org.xcs.muc.messaging;

import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.muc.MucContext;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.Subject;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/** XEP-0045 §8.1 (and §7.3): changing the room subject with a groupchat message. */
final class SubjectChange {
    private final MucContext context;
    private final RoomMessages out;

    SubjectChange(MucContext context, RoomMessages out) {
        this.context = context;
        this.out = out;
    }

    /** XEP-0045 §8.1: a subject without body and without thread; with either it is an ordinary message. */
    static boolean isSubjectChange(Message message) {
        Element root = message.getElement();
        return root.element("subject") != null && root.element("body") == null && root.element("thread") == null;
    }

    void handle(Room room, Message message) {
        Occupant sender = room.occupantByRealJid(message.getFrom())
                .orElseThrow(() -> new XmppException(PacketError.Condition.not_acceptable));
        if (!mayChangeSubject(room, sender)) {
            // XEP-0045 §8.1: someone without the privilege gets forbidden.
            throw new XmppException(PacketError.Condition.forbidden);
        }
        MessageSize.check(message, context.settings().maxMessageChars());
        // An empty <subject/> clears the subject (§8.1); it is still a subject, set now by this occupant.
        String text = message.getElement().element("subject").getText();
        room.subject(new Subject(text, sender.nick(), context.clock().instant()));
        context.rooms().changed(room);
        out.toEveryOccupant(room, out.reflection(room, sender, message));
    }

    /** XEP-0045 §5.1.1 and §8.1: moderators always; participants when muc#roomconfig_changesubject allows it. */
    private static boolean mayChangeSubject(Room room, Occupant sender) {
        return sender.role() == Role.MODERATOR
                || (sender.role() == Role.PARTICIPANT && room.config().changeSubject);
    }
}
