package org.xcs.pubsub.pep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.component.PacketSender;
import org.xcs.common.error.ErrorReplies;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.pubsub.protocol.ReplyOrder;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * Answers a delegated pubsub IQ (XEP-0355 §5, already unwrapped) addressed to a user's bare JID: the owner's PEP
 * service handles it, the reply (result or error, to the requester) is returned, never thrown, and the notifications
 * go out through the privileged sender once the wrapped reply has left.
 */
final class PepIq implements IqHandler {
    private static final Logger log = LoggerFactory.getLogger(PepIq.class);

    private final PepServices services;
    private final Rosters rosters;
    private final ReplyOrder order;
    private final PacketSender out;

    PepIq(PepServices services, Rosters rosters, ReplyOrder order, PacketSender out) {
        this.services = services;
        this.rosters = rosters;
        this.order = order;
        this.out = out;
    }

    @Override
    public IQ handle(IQ request) {
        try {
            String owner = owner(request);
            if (request.getType() == IQ.Type.set && request.getFrom() != null
                    && owner.equals(request.getFrom().toBareJID())) {
                // XEP-0163 §4.3.2: this publish (or retract, configure...) goes to whoever receives the owner's
                // presence NOW, which the host may not have pushed to us: re-read the roster; contacts it adds get
                // the last items then (PepEvents.contactsGained).
                rosters.refresh(owner);
            }
            return services.stanzas(owner, order, out).handle(request);
        } catch (XmppException e) {
            return ErrorReplies.iqError(request, e);
        } catch (RuntimeException e) {
            log.error("PEP request {} from {} to {} failed", request.getID(), request.getFrom(), request.getTo(), e);
            return ErrorReplies.iqError(request,
                    new XmppException(PacketError.Condition.internal_server_error, PacketError.Type.wait));
        }
    }

    /** XEP-0163 §1: the service is the addressed account's bare JID (a request to none is the sender's own). */
    private static String owner(IQ request) {
        JID to = request.getTo() != null ? request.getTo() : request.getFrom();
        if (to == null || to.getNode() == null || to.getResource() != null) {
            throw new XmppException(PacketError.Condition.service_unavailable, PacketError.Type.cancel,
                    "PEP is served at an account's bare JID", null);
        }
        return to.toBareJID();
    }
}
