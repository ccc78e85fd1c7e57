package org.xcs.muc.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.AsyncIqHandler;
import org.xcs.common.router.IqTracker;
import org.xcs.common.stanza.Namespaces;
import org.xcs.muc.MucContext;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * IQs addressed to an occupant JID (XEP-0045 §17.4 rule 3): forwarded to the occupant's real JID from the sender's
 * occupant JID, and the answer returned from the addressed occupant JID, so neither side learns the other's real
 * JID. A ping to one's own occupant JID is answered by the room (XEP-0410 §4 self-ping optimisation).
 */
final class OccupantIqs implements AsyncIqHandler {
    private static final String VCARD = "vcard-temp";

    private final MucContext context;
    private final IqTracker tracker;
    private final Duration timeout;

    OccupantIqs(MucContext context, IqTracker tracker, Duration timeout) {
        this.context = context;
        this.tracker = tracker;
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<IQ> handle(IQ request) {
        JID to = request.getTo();
        Room room = context.rooms().get(to).filter(r -> !r.isLocked())
                .orElseThrow(() -> new XmppException(PacketError.Condition.item_not_found));
        Element child = request.getChildElement();
        Occupant sender = room.occupantByRealJid(request.getFrom()).orElseThrow(() -> notAnOccupant(child));
        Occupant target = room.occupant(to.getResource())
                // As for private messages (XEP-0045 §7.5); XEP-0410 §3 names it for a nick that changed.
                .orElseThrow(() -> new XmppException(PacketError.Condition.item_not_found));
        if (target == sender && request.getType() == IQ.Type.get && isPing(child)) {
            // XEP-0410 §4: the room answers a joined client's self-ping itself.
            return CompletableFuture.completedFuture(IQ.createResultIQ(request));
        }
        IQ forwarded = request.createCopy();
        forwarded.setID(null);
        forwarded.setFrom(room.occupantJid(sender.nick()));
        forwarded.setTo(destination(target, request, child));
        return tracker.send(forwarded, timeout).handle((response, failure) -> {
            if (failure != null) {
                throw new XmppException(PacketError.Condition.remote_server_timeout, PacketError.Type.wait);
            }
            IQ reply = response.createCopy();
            reply.setID(request.getID());
            reply.setFrom(to);
            reply.setTo(request.getFrom());
            return reply;
        });
    }

    /**
     * A vCard is served by the user's server for the bare JID (XEP-0054 §3.1), which is how clients read an
     * occupant's avatar; anything else goes to the occupant's newest session.
     */
    private static JID destination(Occupant target, IQ request, Element child) {
        if (request.getType() == IQ.Type.get && VCARD.equals(child.getNamespaceURI())) {
            return target.bareJid();
        }
        return target.realJid();
    }

    private static boolean isPing(Element child) {
        return Namespaces.PING.equals(child.getNamespaceURI()) && "ping".equals(child.getName());
    }

    private static XmppException notAnOccupant(Element child) {
        String ns = child.getNamespaceURI();
        if (Namespaces.DISCO_INFO.equals(ns) || Namespaces.DISCO_ITEMS.equals(ns)) {
            // XEP-0045 §6.6: a non-occupant's disco request to an occupant JID.
            return new XmppException(PacketError.Condition.bad_request);
        }
        // XEP-0410 §3 (and XEP-0045 §7.5 for messages): the sender is not joined.
        return new XmppException(PacketError.Condition.not_acceptable, PacketError.Type.cancel);
    }
}
