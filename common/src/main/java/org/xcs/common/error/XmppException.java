package org.xcs.common.error;

import org.xcs.common.stanza.ClientNamespace;

import org.dom4j.Element;
import org.xmpp.packet.PacketError;

/**
 * The one error type of the suite: a stanza error condition (RFC 6120 §8.3.3), its type, an optional human text and
 * an optional application-specific child (e.g. XEP-0060 {@code <nodeid-required/>}). Cores throw it; the router turns
 * it into an error stanza at one place.
 */
public class XmppException extends RuntimeException {
    private final PacketError.Condition condition;
    private final PacketError.Type type;
    private final String text;
    private final Element applicationCondition;

    public XmppException(PacketError.Condition condition) {
        this(condition, condition.getDefaultType(), null, null);
    }

    public XmppException(PacketError.Condition condition, String text) {
        this(condition, condition.getDefaultType(), text, null);
    }

    public XmppException(PacketError.Condition condition, PacketError.Type type) {
        this(condition, type, null, null);
    }

    public XmppException(PacketError.Condition condition, PacketError.Type type, String text,
                         Element applicationCondition) {
        super(condition.toXMPP() + (text == null ? "" : ": " + text), null, false, false);
        // RFC 6120 §8.3.2: the application-specific condition MUST be qualified by an application namespace;
        // an unqualified one would be read as part of the stanza namespace.
        if (applicationCondition != null && (applicationCondition.getNamespaceURI() == null
                || ClientNamespace.isStanzaNamespace(applicationCondition.getNamespaceURI())
                || ErrorReplies.STANZAS_NS.equals(applicationCondition.getNamespaceURI()))) {
            throw new IllegalArgumentException("application-specific condition needs its own namespace: "
                    + applicationCondition.asXML());
        }
        this.condition = condition;
        this.type = type == null ? condition.getDefaultType() : type;
        this.text = text;
        this.applicationCondition = applicationCondition;
    }

    public PacketError.Condition condition() { return condition; }
    public PacketError.Type type() { return type; }
    public String text() { return text; }
    public Element applicationCondition() { return applicationCondition; }
}
