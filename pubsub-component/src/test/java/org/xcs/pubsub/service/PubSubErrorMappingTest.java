package org.xcs.pubsub.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.PacketError;

/** Every core error becomes the XEP-0060 error stanza parts. */
class PubSubErrorMappingTest {

    @Test
    void everyErrorMapsToAStanzaConditionAndType() {
        for (PubSubError e : PubSubError.values()) {
            XmppException x = PubSubErrorMapping.toXmppException(new PubSubException(e));
            assertEquals(e.condition(), x.condition().toXMPP(), e.name());
            assertEquals(e.type(), x.type().toXMPP(), e.name());
            if (e.applicationCondition() == null) {
                assertNull(x.applicationCondition(), e.name());
            } else {
                assertEquals(e.applicationCondition(), x.applicationCondition().getName(), e.name());
                assertEquals(PubSubError.NAMESPACE, x.applicationCondition().getNamespaceURI(), e.name());
            }
        }
    }

    @Test
    void unsupportedCarriesItsFeatureAndTextIsKept() {
        XmppException x = PubSubErrorMapping.toXmppException(
                new PubSubException(PubSubError.UNSUPPORTED_ACCESS_PRESENCE, "needs the host roster"));
        Element app = x.applicationCondition();
        assertEquals("unsupported", app.getName());
        assertEquals("access-presence", app.attributeValue("feature"));
        assertEquals(PacketError.Condition.feature_not_implemented, x.condition());
        assertEquals("needs the host roster", x.text());
    }

    @Test
    void closedNodeIsNotAllowedCancel() {
        XmppException x = PubSubErrorMapping.toXmppException(new PubSubException(PubSubError.CLOSED_NODE));
        assertEquals(PacketError.Condition.not_allowed, x.condition());
        assertEquals(PacketError.Type.cancel, x.type());
        assertEquals("closed-node", x.applicationCondition().getName());
    }
}
