package org.xcs.muc.occupancy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.xcs.common.component.PacketSender;
import org.xcs.common.stanza.delay.Delay;
import org.xcs.common.stanza.sid.IdGenerator;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.Subject;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/** What a session receives after the presences on entry (XEP-0045 §7.1 order): history, then the subject. */
final class EntryReplay {
    private final PacketSender sender;
    private final Clock clock;
    private final IdGenerator ids;

    EntryReplay(PacketSender sender, Clock clock, IdGenerator ids) {
        this.sender = sender;
        this.clock = clock;
        this.ids = ids;
    }

    void replay(Room room, JID session, HistoryRequest request) {
        List<Message> replay = new ArrayList<>(history(room, session, request));
        replay.add(subject(room, session));
        sender.sendAll(replay);
    }

    /**
     * XEP-0045 §7.2.13/§7.2.14: the stored messages as broadcast, each stamped with an XEP-0203 delay from the room
     * JID at the time the room received it, limited by the user's request and the room's default.
     */
    List<Message> history(Room room, JID session, HistoryRequest request) {
        List<HistoryEntry> chosen = request.select(room.history().entries(), clock.instant(),
                room.config().defaultHistoryMessages, entry -> replayed(room, entry, session).toXML().length());
        return chosen.stream().map(entry -> replayed(room, entry, session)).toList();
    }

    /**
     * XEP-0045 §7.2.15: always sent, last: from the occupant JID of whoever set it (else the room), a subject and no
     * body; empty when none was ever set, then without delay ("MAY be omitted if the room never had a subject").
     */
    Message subject(Room room, JID session) {
        Subject subject = room.subject();
        Message message = new Message();
        message.setType(Message.Type.groupchat);
        message.setID(ids.next());
        message.setFrom(subject.byNick().isEmpty() ? room.jid() : room.occupantJid(subject.byNick()));
        message.setTo(session);
        message.getElement().addElement("subject").setText(subject.text());
        if (!Subject.NONE.equals(subject)) {
            new Delay(room.jid(), subject.at()).applyTo(message);
        }
        return message;
    }

    private static Message replayed(Room room, HistoryEntry entry, JID session) {
        Message message = entry.message().createCopy();
        message.setTo(session);
        new Delay(room.jid(), entry.at()).applyTo(message);
        return message;
    }
}
