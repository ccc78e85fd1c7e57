package org.xcs.common.stanza.delay;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.Namespaces;
import org.xcs.common.stanza.datetime.XmppDateTime;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** XEP-0203 §2: who delayed the stanza ({@code from}, recommended), when it was first sent, and an optional reason. */
public record Delay(JID from, Instant stamp, String reason) {
    private static final QName DELAY = QName.get("delay", Namespaces.DELAY);

    public Delay {
        Objects.requireNonNull(stamp, "stamp");
    }

    public Delay(JID from, Instant stamp) {
        this(from, stamp, null);
    }

    public Element toElement() {
        Element delay = DocumentHelper.createElement(DELAY);
        if (from != null) {
            delay.addAttribute("from", from.toString());
        }
        delay.addAttribute("stamp", XmppDateTime.format(stamp));
        if (reason != null && !reason.isEmpty()) {
            delay.setText(reason);
        }
        return delay;
    }

    /** XEP-0203 §2: one and only one delay per stanza, so an existing one is replaced. */
    public void applyTo(Packet packet) {
        Element stanza = packet.getElement();
        Element old = stanza.element(DELAY);
        if (old != null) {
            stanza.remove(old);
        }
        stanza.add(toElement());
    }

    /** A malformed stamp or from is a bad-request: the stamp is REQUIRED and MUST follow XEP-0082. */
    public static Delay parse(Element delay) {
        String stampText = delay.attributeValue("stamp");
        Instant stamp = XmppDateTime.parse(stampText).orElseThrow(() -> new XmppException(
                PacketError.Condition.bad_request, "delay stamp '" + stampText + "' is not an XEP-0082 DateTime"));
        String fromText = delay.attributeValue("from");
        JID from = null;
        if (fromText != null) {
            try {
                from = new JID(fromText);
            } catch (IllegalArgumentException e) {
                throw new XmppException(PacketError.Condition.bad_request, "delay from '" + fromText + "' is not a JID");
            }
        }
        String reason = delay.getTextTrim();
        return new Delay(from, stamp, reason.isEmpty() ? null : reason);
    }

    public static Optional<Delay> from(Packet packet) {
        return in(packet.getElement());
    }

    /** The delay directly under {@code parent} (a stanza or an XEP-0297 {@code <forwarded/>}). */
    public static Optional<Delay> in(Element parent) {
        return Optional.ofNullable(parent.element(DELAY)).map(Delay::parse);
    }
}
