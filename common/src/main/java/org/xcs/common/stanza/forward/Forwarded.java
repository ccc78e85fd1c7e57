package org.xcs.common.stanza.forward;

import org.xcs.common.stanza.ClientNamespace;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.Namespaces;
import org.xcs.common.stanza.delay.Delay;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** XEP-0297 §3: one forwarded stanza and, optionally, when it was first sent. */
public final class Forwarded {
    private static final QName FORWARDED = QName.get("forwarded", Namespaces.FORWARD);

    private final Packet stanza;
    private final Delay delay;

    public Forwarded(Packet stanza, Delay delay) {
        this.stanza = Objects.requireNonNull(stanza, "stanza");
        this.delay = delay;
    }

    public Forwarded(Packet stanza) {
        this(stanza, null);
    }

    /** The forwarded stanza as a Tinder packet in our stream's namespace (so it can be inspected or re-sent). */
    public Packet stanza() { return stanza; }
    public Optional<Delay> delay() { return Optional.ofNullable(delay); }

    /** The stanza is deep-copied into {@code jabber:client}; the original packet is left untouched. */
    public Element toElement() {
        Element forwarded = DocumentHelper.createElement(FORWARDED);
        if (delay != null) {
            forwarded.add(delay.toElement());
        }
        forwarded.add(ClientNamespace.copyIntoClient(stanza.getElement()));
        return forwarded;
    }

    /** XEP-0297 §3: exactly one message, presence or iq child; anything else is a bad-request. */
    public static Forwarded parse(Element forwarded) {
        if (!FORWARDED.equals(forwarded.getQName())) {
            throw new XmppException(PacketError.Condition.bad_request, "not an XEP-0297 forwarded element");
        }
        List<Element> stanzas = forwarded.elements().stream().filter(Forwarded::isStanza).toList();
        if (stanzas.size() != 1) {
            throw new XmppException(PacketError.Condition.bad_request,
                    "forwarded must wrap exactly one stanza, found " + stanzas.size());
        }
        Element inner = ClientNamespace.copyIntoStreamDefault(stanzas.get(0));
        Packet packet = switch (inner.getName()) {
            case "message" -> new Message(inner);
            case "presence" -> new Presence(inner);
            default -> new IQ(inner);
        };
        return new Forwarded(packet, Delay.in(forwarded).orElse(null));
    }

    /** The first {@code <forwarded/>} directly under {@code parent}. */
    public static Optional<Forwarded> in(Element parent) {
        return Optional.ofNullable(parent.element(FORWARDED)).map(Forwarded::parse);
    }

    private static boolean isStanza(Element e) {
        String ns = e.getNamespaceURI();
        boolean stanzaNs = ns.isEmpty() || Namespaces.JABBER_CLIENT.equals(ns) || Namespaces.COMPONENT_ACCEPT.equals(ns);
        return stanzaNs && List.of("message", "presence", "iq").contains(e.getName());
    }
}
