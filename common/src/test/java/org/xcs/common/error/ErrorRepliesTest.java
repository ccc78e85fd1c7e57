package org.xcs.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.junit.jupiter.api.Test;
import org.xcs.common.testing.TestStanzas;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

class ErrorRepliesTest {
    private static final String PUBSUB_ERRORS = "http://jabber.org/protocol/pubsub#errors";

    private final IQ publish = TestStanzas.iq("<iq type='set' id='pub1' from='alice@example.test/r'"
            + " to='pubsub.example.test'><pubsub xmlns='http://jabber.org/protocol/pubsub'>"
            + "<publish/></pubsub></iq>");

    @Test
    void iqErrorKeepsTheIdSwapsAddressesAndIncludesTheRequestChild() {
        IQ reply = ErrorReplies.iqError(publish, PacketError.Condition.item_not_found);
        assertXmlMatches("<iq type='error' id='pub1' from='pubsub.example.test' to='alice@example.test/r'>"
                + "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish/></pubsub>"
                + "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"
                + "</iq>", reply);
    }

    @Test
    void theErrorElementInheritsTheStanzaNamespaceInsteadOfAnEmptyOne() {
        // dom4j writes xmlns="" when an unqualified <error/> is added to a parsed (qualified) stanza.
        IQ reply = ErrorReplies.iqError(publish, PacketError.Condition.item_not_found);
        assertEquals(reply.getElement().getNamespaceURI(), reply.getElement().element("error").getNamespaceURI());
        assertFalse(reply.toXML().contains("xmlns=\"\""), reply.toXML());
    }

    @Test
    void textAndApplicationSpecificConditionKeepTheirNamespaces() {
        Element app = DocumentHelper.createElement(QName.get("nodeid-required", PUBSUB_ERRORS));
        XmppException error = new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify,
                "which node?", app);
        IQ reply = ErrorReplies.iqError(publish, error);
        assertXmlMatches("<iq type='error' id='pub1' from='pubsub.example.test' to='alice@example.test/r'>"
                + "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish/></pubsub>"
                + "<error type='modify'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>which node?</text>"
                + "<nodeid-required xmlns='" + PUBSUB_ERRORS + "'/></error></iq>", reply);
        assertTrue(reply.toXML().contains("<nodeid-required xmlns=\"" + PUBSUB_ERRORS + "\"/>"), reply.toXML());
    }

    @Test
    void theApplicationConditionWithAttributesIsCopiedWhole() {
        Element app = DocumentHelper.createElement(QName.get("unsupported", PUBSUB_ERRORS));
        app.addAttribute("feature", "publish");
        IQ reply = ErrorReplies.iqError(publish, new XmppException(PacketError.Condition.feature_not_implemented,
                PacketError.Type.cancel, null, app));
        assertXmlMatches("<error type='cancel'><feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "<unsupported xmlns='" + PUBSUB_ERRORS + "' feature='publish'/></error>",
                reply.getElement().element("error"));
    }

    @Test
    void anApplicationConditionWithoutItsOwnNamespaceIsRefused() {
        Element unqualified = DocumentHelper.createElement("nodeid-required");
        assertThrows(IllegalArgumentException.class, () -> new XmppException(PacketError.Condition.bad_request,
                PacketError.Type.modify, null, unqualified));
    }

    @Test
    void noLegacyErrorCodeIsWritten() {
        IQ reply = ErrorReplies.iqError(publish, PacketError.Condition.forbidden);
        assertEquals(null, reply.getElement().element("error").attributeValue("code"));
        assertEquals("auth", reply.getElement().element("error").attributeValue("type"));
    }

    @Test
    void aMessageIsBouncedAsTypeErrorWithItsBodyUnqualified() {
        Packet message = TestStanzas.parse("<message type='groupchat' id='m1' from='alice@example.test/r'"
                + " to='room@muc.example.test'><body>hi</body></message>");
        Packet bounce = ErrorReplies.bounce(message, new XmppException(PacketError.Condition.forbidden)).orElseThrow();
        assertXmlMatches("<message type='error' id='m1' from='room@muc.example.test' to='alice@example.test/r'>"
                + "<body>hi</body><error type='auth'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "</error></message>", bounce);
        assertTrue(bounce.toXML().contains("<body>hi</body>"), bounce.toXML());
    }

    @Test
    void aForwardedClientStanzaInsideABouncedPayloadKeepsItsNamespace() {
        Packet message = TestStanzas.parse("<message id='m2' from='alice@example.test/r' to='bob@example.test'>"
                + "<forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client' to='carol@example.test'>"
                + "<body>x</body></message></forwarded></message>");
        Packet bounce = ErrorReplies.bounce(message, PacketError.Condition.service_unavailable).orElseThrow();
        assertXmlMatches("<message type='error' id='m2' from='bob@example.test' to='alice@example.test/r'>"
                + "<forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client' to='carol@example.test'>"
                + "<body>x</body></message></forwarded>"
                + "<error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"
                + "</message>", bounce);
    }

    @Test
    void aPresenceIsBouncedAsTypeError() {
        Packet presence = TestStanzas.parse("<presence from='alice@example.test/r' to='room@muc.example.test/al'>"
                + "<x xmlns='http://jabber.org/protocol/muc'/></presence>");
        Packet bounce = ErrorReplies.bounce(presence, PacketError.Condition.registration_required).orElseThrow();
        assertXmlMatches("<presence type='error' from='room@muc.example.test/al' to='alice@example.test/r'>"
                + "<x xmlns='http://jabber.org/protocol/muc'/><error type='auth'>"
                + "<registration-required xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>", bounce);
    }

    @Test
    void errorsAndIqResponsesAreNeverAnswered() {
        String[] unanswerable = {
            "<message type='error' from='a@example.test' to='b@example.test'><error type='cancel'/></message>",
            "<presence type='error' from='a@example.test' to='b@example.test'/>",
            "<iq type='result' id='r1' from='a@example.test' to='b@example.test'/>",
            "<iq type='error' id='r2' from='a@example.test' to='b@example.test'/>",
        };
        for (String xml : unanswerable) {
            Packet stanza = TestStanzas.parse(xml);
            assertFalse(ErrorReplies.expectsErrorReply(stanza), xml);
            assertTrue(ErrorReplies.bounce(stanza, PacketError.Condition.bad_request).isEmpty(), xml);
        }
        IQ result = TestStanzas.iq(unanswerable[2]);
        assertThrows(IllegalArgumentException.class,
                () -> ErrorReplies.iqError(result, PacketError.Condition.bad_request));
    }
}
