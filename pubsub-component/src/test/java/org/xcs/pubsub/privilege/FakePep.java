package org.xcs.pubsub.privilege;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.pubsub.pep.PepEvents;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/**
 * A PEP core double for the privilege layer's tests: {@code items} answers an empty list, {@code publish} answers
 * and notifies bob@example.test on the owner's behalf, node "missing" is item-not-found, node "crash" throws, node
 * "silent" returns nothing. Events are recorded.
 */
final class FakePep implements PepBinding, PepEvents {
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<IQ> requests = new CopyOnWriteArrayList<>();
    PepWiring wiring;

    PepBinding.Factory factory() {
        return w -> {
            this.wiring = w;
            return this;
        };
    }

    @Override
    public IqHandler iqHandler() {
        return request -> {
            requests.add(request);
            Element action = request.getChildElement().elements().get(0);
            String node = action.attributeValue("node");
            switch (node) {
                case "missing" -> throw new XmppException(PacketError.Condition.item_not_found);
                case "crash" -> throw new IllegalStateException("boom");
                case "silent" -> {
                    return null;
                }
                default -> {
                }
            }
            IQ reply = IQ.createResultIQ(request);
            if ("publish".equals(action.getName())) {
                Message event = new Message();
                event.setType(Message.Type.headline);
                event.setFrom(request.getTo().toBareJID());
                event.setTo("bob@example.test");
                event.getElement().addElement("event", PUBSUB + "#event").addElement("items")
                        .addAttribute("node", node);
                wiring.privileged().send(event);
            } else {
                reply.setChildElement("pubsub", PUBSUB).addElement("items").addAttribute("node", node);
            }
            return reply;
        };
    }

    @Override
    public PepEvents events() {
        return this;
    }

    @Override
    public void resourceAvailable(String fullJid) {
        events.add("available " + fullJid);
    }

    @Override
    public void rosterChanged(String ownerBare) {
        events.add("roster " + ownerBare);
    }

    @Override
    public void contactsGained(String ownerBare, java.util.Set<String> contactBares) {
        events.add("gained " + ownerBare + " " + new java.util.TreeSet<>(contactBares));
    }
}
