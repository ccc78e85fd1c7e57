package org.xcs.muc.messaging;

import java.util.ArrayList;
import java.util.List;
import org.dom4j.Element;
import org.xcs.common.stanza.sid.StanzaId;
import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * What the room sends from an occupant's message: the copy it reflects and the reflection to every occupant.
 * Called on the room's serial queue only, so every occupant gets the room's messages in the order the room handled
 * them (XEP-0045 §7.4, and the "one order for everyone").
 */
final class RoomMessages {
    private final MucContext context;

    RoomMessages(MucContext context) {
        this.context = context;
    }

    /**
     * The message as the room reflects it (XEP-0045 §7.4): from the sender's occupant JID, the client's id kept (or
     * one generated for all reflections), payloads passed through (§17.2 rule 4) except muc#user data, which only
     * the room generates (§17.3 rule 6 by analogy), and a fresh XEP-0359 stanza-id by the room (forged ones go).
     */
    Message reflection(Room room, Occupant sender, Message original) {
        Message out = original.createCopy();
        out.setFrom(room.occupantJid(sender.nick()));
        out.setTo((JID) null);
        if (out.getID() == null || out.getID().isEmpty()) {
            out.setID(context.ids().next());
        }
        for (Element x : new ArrayList<>(out.getElement().elements("x"))) {
            if (MucNamespaces.USER.equals(x.getNamespaceURI())) {
                out.getElement().remove(x);
            }
        }
        StanzaId.assign(out, room.jid(), context.ids());
        return out;
    }

    /**
     * To the full JID of each occupant's every session, occupants in the order they entered (XEP-0045 §7.4), as one
     * batch: the connection writes a room's reflections in a few writes, not one per occupant.
     */
    void toEveryOccupant(Room room, Message message) {
        List<JID> sessions = new ArrayList<>(room.occupants().size());
        for (Occupant occupant : room.occupants()) {
            sessions.addAll(occupant.sessions());
        }
        context.sender().sendToEach(message, sessions);
    }

    /** To every session of one occupant (multi-session nicks each get their copy). */
    void toOccupant(Occupant occupant, Message message) {
        context.sender().sendToEach(message, List.copyOf(occupant.sessions()));
    }
}
