package org.xcs.common.error;

import org.xcs.common.stanza.ClientNamespace;

import java.util.Optional;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/** The one mapping from {@link XmppException} to error stanzas (RFC 6120 §8.3). */
public final class ErrorReplies {
    public static final String STANZAS_NS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private ErrorReplies() {
    }

    /**
     * Whether an error may be sent back for this stanza: IQ get/set, and message/presence not of type error
     * (RFC 6120 §8.3.1: an entity MUST NOT respond to an error stanza; §8.2.3: results and errors get no reply).
     */
    public static boolean expectsErrorReply(Packet stanza) {
        String type = stanza.getElement().attributeValue("type");
        if (stanza instanceof IQ) {
            return "get".equals(type) || "set".equals(type);
        }
        return !"error".equals(type);
    }

    /**
     * {@code <error type="...">} with the defined condition, the optional text and the optional application-specific
     * element (RFC 6120 §8.3.2), not namespace-qualified so it inherits the stanza's namespace.
     */
    public static Element errorElement(XmppException error) {
        PacketError packetError = error.text() == null
                ? new PacketError(error.condition(), error.type())
                : new PacketError(error.condition(), error.type(), error.text());
        Element element = packetError.getElement();
        // XEP-0086 legacy codes are deprecated; hosts and clients of today read the condition only.
        element.addAttribute("code", null);
        if (error.applicationCondition() != null) {
            element.add(error.applicationCondition().createCopy());
        }
        return element;
    }

    /**
     * The error reply to an IQ get/set (RFC 6120 §8.2.3): same id, to/from swapped, the request's child included
     * (§8.3.1 MAY include the original XML) and the error.
     */
    public static IQ iqError(IQ request, XmppException error) {
        if (!expectsErrorReply(request)) {
            throw new IllegalArgumentException("only IQ get/set are answered: " + request.toXML());
        }
        IQ reply = new IQ(IQ.Type.error, request.getID());
        swapAddresses(request, reply);
        copyPayload(request, reply);
        reply.getElement().add(errorElement(error));
        return reply;
    }

    public static IQ iqError(IQ request, PacketError.Condition condition) {
        return iqError(request, new XmppException(condition));
    }

    /**
     * The error answer to any stanza (IQ error reply, or message/presence bounced with type error, same id, original
     * payload included), or empty when the stanza must not be answered.
     */
    public static Optional<Packet> bounce(Packet stanza, XmppException error) {
        if (!expectsErrorReply(stanza)) {
            return Optional.empty();
        }
        if (stanza instanceof IQ iq) {
            return Optional.of(iqError(iq, error));
        }
        Packet reply;
        if (stanza instanceof Message) {
            Message message = new Message();
            message.setType(Message.Type.error);
            reply = message;
        } else if (stanza instanceof Presence) {
            Presence presence = new Presence();
            presence.setType(Presence.Type.error);
            reply = presence;
        } else {
            throw new IllegalArgumentException("not a stanza: " + stanza.toXML());
        }
        if (stanza.getID() != null) {
            reply.setID(stanza.getID());
        }
        swapAddresses(stanza, reply);
        copyPayload(stanza, reply);
        reply.getElement().add(errorElement(error));
        return Optional.of(reply);
    }

    public static Optional<Packet> bounce(Packet stanza, PacketError.Condition condition) {
        return bounce(stanza, new XmppException(condition));
    }

    private static void swapAddresses(Packet from, Packet to) {
        JID sender = from.getFrom();
        JID recipient = from.getTo();
        to.setTo(sender);
        to.setFrom(recipient);
    }

    private static void copyPayload(Packet from, Packet to) {
        for (Element child : from.getElement().elements()) {
            if (!"error".equals(child.getName())) {
                to.getElement().add(ClientNamespace.copyIntoStreamDefault(child));
            }
        }
    }
}
