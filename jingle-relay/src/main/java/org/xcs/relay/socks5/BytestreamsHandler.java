package org.xcs.relay.socks5;

import org.dom4j.Element;
import org.xcs.common.router.IqHandler;
import org.xmpp.packet.IQ;

/** The XML side of the proxy: {@code http://jabber.org/protocol/bytestreams} queries to the component's JID. */
public final class BytestreamsHandler {

    public static final String NS = "http://jabber.org/protocol/bytestreams";

    private final BytestreamService service;

    public BytestreamsHandler(BytestreamService service) {
        this.service = service;
    }

    // XEP-0065 §4: an empty query get returns the proxy's network address.
    public IqHandler streamhost() {
        return request -> {
            BytestreamService.Streamhost s = service.streamhost(request.getFrom());
            IQ result = IQ.createResultIQ(request);
            result.setChildElement("query", NS).addElement("streamhost")
                    .addAttribute("jid", request.getTo().toBareJID())
                    .addAttribute("host", s.host())
                    .addAttribute("port", Integer.toString(s.port()));
            return result;
        };
    }

    // XEP-0065 §6.3.5: <query sid=...><activate>target</activate></query>, answered with an empty result.
    public IqHandler activate() {
        return request -> {
            Element query = request.getChildElement();
            Element activate = query.element("activate");
            service.activate(request.getFrom(), query.attributeValue("sid"),
                    activate == null ? null : activate.getText());
            return IQ.createResultIQ(request);
        };
    }
}
