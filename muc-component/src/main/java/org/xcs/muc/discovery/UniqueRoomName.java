package org.xcs.muc.discovery;

import java.util.Locale;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.sid.IdGenerator;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.service.Rooms;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * {@code muc#unique} (XEP-0045 1.21-1.25 §10.1.4, still offered by Prosody and ejabberd): the service proposes a
 * room name no existing room has. 1.26 dropped it because a client can pick a UUID itself, so it promises no
 * reservation: the name is only unique at the time of asking, and unguessable (128 random bits).
 */
final class UniqueRoomName implements IqHandler {
    private static final int ATTEMPTS = 8;

    private final JID service;
    private final Rooms rooms;
    private final IdGenerator ids;

    UniqueRoomName(JID service, Rooms rooms, IdGenerator ids) {
        this.service = service.asBareJID();
        this.rooms = rooms;
        this.ids = ids;
    }

    @Override
    public IQ handle(IQ request) {
        if (request.getTo() != null && !service.equals(request.getTo())) {
            throw new XmppException(PacketError.Condition.bad_request, "ask the service, not a room, for a name");
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            // A room node is case-folded by nodeprep (RFC 7622 §3.3): fold here so the name is used as given.
            String name = ids.next().toLowerCase(Locale.ROOT);
            JID room;
            try {
                room = new JID(name, service.getDomain(), null);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (rooms.get(room).isEmpty()) {
                IQ reply = IQ.createResultIQ(request);
                reply.setChildElement("unique", MucNamespaces.UNIQUE).setText(room.getNode());
                return reply;
            }
        }
        throw new XmppException(PacketError.Condition.internal_server_error, PacketError.Type.wait);
    }
}
