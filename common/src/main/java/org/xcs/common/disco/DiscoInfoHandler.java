package org.xcs.common.disco;

import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/** Answers {@code <query xmlns='http://jabber.org/protocol/disco#info'/>} gets from the registry. */
public final class DiscoInfoHandler implements IqHandler {
    private final DiscoRegistry registry;

    public DiscoInfoHandler(DiscoRegistry registry) {
        this.registry = registry;
    }

    @Override
    public IQ handle(IQ request) {
        if (request.getType() != IQ.Type.get) {
            throw new XmppException(PacketError.Condition.bad_request, "disco#info is only defined for get");
        }
        String node = DiscoItemsHandler.nodeOf(request);
        DiscoInfo info = registry.info(new DiscoQuery(request.getFrom(), request.getTo(), node))
                // XEP-0030 §3.1: a target entity that does not exist SHOULD get item-not-found.
                .orElseThrow(() -> new XmppException(PacketError.Condition.item_not_found));
        IQ reply = IQ.createResultIQ(request);
        reply.setChildElement(info.toElement(node));
        return reply;
    }
}
