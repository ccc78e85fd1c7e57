package org.xcs.common.service;

import org.xcs.common.disco.DiscoFeature;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.Namespaces;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/** XEP-0199 §3: a ping get is answered with an empty result. */
public final class PingHandler implements IqHandler, DiscoFeature {
    @Override
    public IQ handle(IQ request) {
        if (request.getType() != IQ.Type.get) {
            throw new XmppException(PacketError.Condition.bad_request, "ping is only defined for get");
        }
        return IQ.createResultIQ(request);
    }

    @Override
    public void contributeTo(DiscoRegistry registry) {
        registry.addFeature(Namespaces.PING); // XEP-0199 §5
    }
}
