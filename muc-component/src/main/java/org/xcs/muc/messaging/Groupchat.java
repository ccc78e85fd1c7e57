package org.xcs.muc.messaging;

import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.wire.StanzaXml;
import org.xcs.muc.MucContext;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/** XEP-0045 §7.4: an occupant with voice sends a message to all occupants; the room reflects and remembers it. */
final class Groupchat {
    private final MucContext context;
    private final RoomMessages out;

    Groupchat(MucContext context, RoomMessages out) {
        this.context = context;
        this.out = out;
    }

    void handle(Room room, Message message) {
        Occupant sender = room.occupantByRealJid(message.getFrom())
                // XEP-0045 §7.4: the sender is not an occupant of the room.
                .orElseThrow(() -> new XmppException(PacketError.Condition.not_acceptable));
        if (!sender.role().hasVoice()) {
            // XEP-0045 §7.4: a visitor in a moderated room has no voice.
            throw new XmppException(PacketError.Condition.forbidden);
        }
        MessageSize.check(message, context.settings().maxMessageChars());
        Message reflection = out.reflection(room, sender, message);
        if (message.getBody() != null) {
            // XEP-0045 §7.2.15: history holds messages with a body; chat states and other body-less messages are
            // relayed only. Committed before it is reflected, so what occupants saw survives a restart.
            Message kept = reflection.createCopy();
            HistoryEntry entry = new HistoryEntry(kept, context.clock().instant(), message.getFrom(),
                    StanzaXml.render(kept.getElement()).length());
            room.history().add(entry);
            if (room.config().persistentRoom) {
                context.rooms().store().appendHistory(room, entry);
            }
        }
        out.toEveryOccupant(room, reflection);
    }
}
