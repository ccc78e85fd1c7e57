package org.xcs.pubsub.protocol;

import java.util.List;
import java.util.Set;

import org.xcs.common.component.PacketSender;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.sid.IdGenerator;
import org.xcs.pubsub.service.AccessModel;
import org.xcs.pubsub.service.Notification;
import org.xcs.pubsub.service.PubSubService;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/**
 * The XEP-0060 stanza layer of one service at one address, outside the component's router: a PEP service at a
 * user's bare JID (XEP-0163 §1) answering delegated IQs. The same entity and owner handlers as the component's own
 * service; notifications leave from {@code address} through {@code out} once {@code order} has seen the reply.
 */
public final class ServiceStanzas implements IqHandler {
    private final EventRenderer events;
    private final EntityHandler entity;
    private final OwnerHandler owner;

    public ServiceStanzas(PubSubService service, JID address, Set<AccessModel> accessModels, IdGenerator ids,
                          ReplyOrder order, PacketSender out) {
        NodeForms forms = new NodeForms(accessModels);
        this.events = new EventRenderer(address, forms, ids);
        Requests requests = new Requests(order, out, events);
        this.entity = new EntityHandler(service, requests, forms);
        this.owner = new OwnerHandler(service, requests, forms);
    }

    @Override
    public IQ handle(IQ request) {
        if (request.getType() != IQ.Type.get && request.getType() != IQ.Type.set) {
            throw new IllegalArgumentException("not a request: " + request.getType());
        }
        org.dom4j.Element child = request.getChildElement();
        String ns = child == null ? null : child.getNamespaceURI();
        if (child != null && "pubsub".equals(child.getName()) && PubSubNs.PUBSUB.equals(ns)) {
            return entity.handle(request);
        }
        if (child != null && "pubsub".equals(child.getName()) && PubSubNs.OWNER.equals(ns)) {
            return owner.handle(request);
        }
        // RFC 6120 §8.3.3.19: a request this address does not serve.
        throw new XmppException(PacketError.Condition.service_unavailable, PacketError.Type.cancel,
                "not a pubsub request", null);
    }

    /** The core's notifications as event messages from this address. */
    public List<Message> render(List<Notification> notifications) {
        return events.render(notifications);
    }
}
