package org.xcs.relay.relaynodes;

import org.dom4j.Element;
import org.xcs.common.router.IqHandler;
import org.xmpp.packet.IQ;

/** The XML side of XEP-0278: {@code <services/>} and {@code <channel/>} requests to the component's JID. */
public final class RelayNodesHandler {

    public static final String NS = "http://jabber.org/protocol/jinglenodes";
    public static final String NS_CHANNEL = "http://jabber.org/protocol/jinglenodes#channel";

    private final RelayNodeService service;

    public RelayNodesHandler(RelayNodeService service) {
        this.service = service;
    }

    // XEP-0278 §3.1, §4.2: this component is a public UDP relay, addressed by its JID; its STUN port when it has one.
    public IqHandler services() {
        return request -> {
            IQ result = IQ.createResultIQ(request);
            Element services = result.setChildElement("services", NS);
            services.addElement("relay").addAttribute("policy", "public")
                    .addAttribute("address", request.getTo().toBareJID()).addAttribute("protocol", "udp");
            service.stun().ifPresent(s -> services.addElement("stun").addAttribute("policy", "public")
                    .addAttribute("address", s.host()).addAttribute("port", Integer.toString(s.port()))
                    .addAttribute("protocol", "udp"));
            return result;
        };
    }

    // XEP-0278 §3.3, §4.1: the reply carries id, host, localport, remoteport, protocol, maxkbps and expire.
    public IqHandler channel() {
        return request -> {
            RelayNodeService.Channel c = service.requestChannel(request.getFrom(),
                    request.getChildElement().attributeValue("protocol"));
            IQ result = IQ.createResultIQ(request);
            result.setChildElement("channel", NS_CHANNEL)
                    .addAttribute("id", c.id())
                    .addAttribute("host", c.host())
                    .addAttribute("localport", Integer.toString(c.localPort()))
                    .addAttribute("remoteport", Integer.toString(c.remotePort()))
                    .addAttribute("protocol", "udp")
                    .addAttribute("maxkbps", Long.toString(c.maxKbps()))
                    .addAttribute("expire", Long.toString(c.expireSeconds()));
            return result;
        };
    }
}
