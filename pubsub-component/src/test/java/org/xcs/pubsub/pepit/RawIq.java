package org.xcs.pubsub.pepit;

import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * An IQ with a child written as given: Smack 4.5.0-beta5 has no API for XEP-0060 publish-options nor for XEP-0084,
 * OMEMO and XEP-0402 payloads, so these go on the wire exactly as clients like Conversations send them.
 */
final class RawIq extends IQ {
    private final String innerXml;

    RawIq(Jid to, Type type, String element, String namespace, String innerXml) {
        super(element, namespace);
        setTo(to);
        setType(type);
        this.innerXml = innerXml;
    }

    static RawIq pubsub(Jid to, Type type, String innerXml) {
        return new RawIq(to, type, "pubsub", "http://jabber.org/protocol/pubsub", innerXml);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.rightAngleBracket();
        xml.append(innerXml);
        return xml;
    }
}
