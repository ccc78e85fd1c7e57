package org.xcs.relay.extdisco;

import java.util.List;
import java.util.Optional;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.datetime.XmppDateTime;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/** The XML side of XEP-0215 for one namespace ({@code urn:xmpp:extdisco:2} or {@code :1}, same shapes). */
public final class ExtDiscoHandler {

    public static final String NS_V2 = "urn:xmpp:extdisco:2";
    public static final String NS_V1 = "urn:xmpp:extdisco:1";

    private final String namespace;
    private final ServiceDirectory directory;

    public ExtDiscoHandler(String namespace, ServiceDirectory directory) {
        this.namespace = namespace;
        this.directory = directory;
    }

    // XEP-0215 §3.1, §3.2
    public IqHandler services() {
        return request -> {
            Element query = request.getChildElement();
            Optional<String> type = Optional.ofNullable(query.attributeValue("type"));
            return answer(request, "services", type, directory.services(request.getFrom(), type));
        };
    }

    // XEP-0215 §3.3: the <service/> child MUST carry host and type.
    public IqHandler credentials() {
        return request -> {
            Element service = request.getChildElement().element("service");
            if (service == null || service.attributeValue("host") == null
                    || service.attributeValue("type") == null) {
                throw new XmppException(PacketError.Condition.bad_request, "a service with host and type");
            }
            Optional<Integer> port;
            try {
                port = Optional.ofNullable(service.attributeValue("port")).map(Integer::valueOf);
            } catch (NumberFormatException e) {
                throw new XmppException(PacketError.Condition.bad_request, "port is not a number");
            }
            return answer(request, "credentials", Optional.empty(), directory.credentials(request.getFrom(),
                    service.attributeValue("host"), service.attributeValue("type"), port));
        };
    }

    private IQ answer(IQ request, String element, Optional<String> type, List<ServiceDirectory.Offer> offers) {
        IQ result = IQ.createResultIQ(request);
        Element list = result.setChildElement(element, namespace);
        type.ifPresent(t -> list.addAttribute("type", t));
        for (ServiceDirectory.Offer offer : offers) {
            ExternalService s = offer.service();
            Element e = list.addElement("service").addAttribute("type", s.type()).addAttribute("host", s.host())
                    .addAttribute("port", Integer.toString(s.port())).addAttribute("transport", s.transport());
            if (s.restricted()) {
                e.addAttribute("restricted", "1");
            }
            offer.credential().ifPresent(c -> e.addAttribute("username", c.username())
                    .addAttribute("password", c.password())
                    .addAttribute("expires", XmppDateTime.format(c.expires())));
        }
        return result;
    }
}
