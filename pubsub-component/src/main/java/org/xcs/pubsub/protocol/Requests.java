package org.xcs.pubsub.protocol;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.pubsub.service.Outcome;
import org.xcs.pubsub.service.PubSubError;
import org.xcs.pubsub.service.PubSubErrorMapping;
import org.xcs.pubsub.service.PubSubException;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/** What the entity and owner handlers share: reading the request, calling the core, replying after effects. */
final class Requests {
    private final ReplyOrder order;
    private final org.xcs.common.component.PacketSender out;
    private final EventRenderer events;

    /** Notifications go to {@code out} once {@code order} says the reply has left. */
    Requests(ReplyOrder order, org.xcs.common.component.PacketSender out, EventRenderer events) {
        this.order = order;
        this.out = out;
        this.events = events;
    }

    /** Runs a core call; its failure becomes the XEP-0060 error (the router renders it). */
    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (PubSubException e) {
            throw PubSubErrorMapping.toXmppException(e);
        } catch (IllegalArgumentException e) {
            // The core's field parsers name the bad value; a request we could not apply is the requester's error.
            throw new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify, e.getMessage(), null);
        }
    }

    /** Runs a mutating core call and sends its notifications right after {@code request}'s reply. */
    <T> T effect(IQ request, Supplier<Outcome<T>> work) {
        return effect(request, work, Map.of());
    }

    /** {@link #effect(IQ, Supplier)} for a request whose payloads the notifications carry (see EventRenderer). */
    <T> T effect(IQ request, Supplier<Outcome<T>> work, Map<String, Element> parsedPayloads) {
        Outcome<T> outcome = call(work);
        sendAfter(request, events.render(outcome.notifications(), parsedPayloads));
        return outcome.value();
    }

    void sendAfter(IQ request, List<? extends org.xmpp.packet.Packet> packets) {
        if (!packets.isEmpty()) {
            // One batch: a publish's notifications leave in a few writes, not one per subscriber.
            order.afterReplyTo(request, () -> out.sendAll(packets));
        }
    }

    /** The {@code node} attribute; §7.2.3.3 and others: a request that needs one and lacks it. */
    static String requireNode(Element e) {
        String node = node(e);
        if (node == null) {
            throw PubSubErrorMapping.toXmppException(new PubSubException(PubSubError.NODEID_REQUIRED));
        }
        return node;
    }

    static String node(Element e) {
        String node = e.attributeValue("node");
        return node == null || node.isEmpty() ? null : node;
    }

    static String actor(IQ request) {
        return request.getFrom().toString();
    }

    /** A JID attribute normalised (RFC 7622); malformed is jid-malformed (RFC 6120 §8.3.3.8). */
    static String jid(Element e, String attribute) {
        String value = e.attributeValue(attribute);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return new JID(value).toString();
        } catch (IllegalArgumentException bad) {
            throw new XmppException(PacketError.Condition.jid_malformed, PacketError.Type.modify,
                    "not a JID: " + value, null);
        }
    }

    static XmppException badRequest(String text) {
        return new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify, text, null);
    }

    /** The one action child of {@code <pubsub/>} (ignoring the option/configure companions named). */
    static Element action(Element pubsub, List<String> companions) {
        Element action = null;
        for (Element child : pubsub.elements()) {
            if (companions.contains(child.getName()) && action != null) {
                continue;
            }
            if (action == null) {
                action = child;
            } else if (!companions.contains(child.getName())) {
                throw badRequest("one action per pubsub request");
            }
        }
        if (action == null) {
            throw badRequest("pubsub request without an action");
        }
        return action;
    }

    static IQ result(IQ request, String namespace) {
        IQ reply = IQ.createResultIQ(request);
        reply.setChildElement("pubsub", namespace);
        return reply;
    }
}
