package org.xcs.common.stanza.forward;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.delay.Delay;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardedTest {
    private static Message chat() {
        Message m = new Message();
        m.setFrom("romeo@montague.lit/orchard");
        m.setTo("juliet@capulet.lit/balcony");
        m.setType(Message.Type.chat);
        m.setBody("Neither, fair saint");
        m.getElement().addElement("active", "http://jabber.org/protocol/chatstates");
        return m;
    }

    @Test
    void aTinderBuiltStanzaIsForwardedInJabberClientNotInTheEmptyNamespace() {
        Forwarded f = new Forwarded(chat(), new Delay(null, Instant.parse("2010-07-10T23:08:25Z")));
        assertEquals("<forwarded xmlns=\"urn:xmpp:forward:0\">"
                + "<delay xmlns=\"urn:xmpp:delay\" stamp=\"2010-07-10T23:08:25Z\"/>"
                + "<message xmlns=\"jabber:client\" from=\"romeo@montague.lit/orchard\" "
                + "to=\"juliet@capulet.lit/balcony\" type=\"chat\"><body>Neither, fair saint</body>"
                + "<active xmlns=\"http://jabber.org/protocol/chatstates\"/></message></forwarded>",
                f.toElement().asXML());
    }

    @Test
    void aStanzaReceivedOnTheComponentStreamIsForwardedInJabberClient() throws Exception {
        Message received = new Message(DocumentHelper.parseText("<message xmlns='jabber:component:accept' "
                + "from='alice@example.test/r' to='muc.example.test' id='m1'><body>hi</body>"
                + "<x xmlns='urn:foo'><y/></x></message>").getRootElement());
        String xml = new Forwarded(received).toElement().asXML();
        assertEquals("<forwarded xmlns=\"urn:xmpp:forward:0\"><message xmlns=\"jabber:client\" "
                + "from=\"alice@example.test/r\" to=\"muc.example.test\" id=\"m1\"><body>hi</body>"
                + "<x xmlns=\"urn:foo\"><y/></x></message></forwarded>", xml);
    }

    @Test
    void onTheWireInsideAnOuterStanzaNoElementIsResetToTheEmptyNamespace() {
        Message outer = new Message();
        outer.setTo("example.test");
        outer.getElement().addElement("privilege", "urn:xmpp:privilege:2").add(new Forwarded(chat()).toElement());
        String wire = outer.toXML();
        assertFalse(wire.contains("xmlns=\"\""), wire);
        assertTrue(wire.contains("<message xmlns=\"jabber:client\""), wire);
    }

    @Test
    void theForwardedPacketItselfIsLeftUntouched() {
        Message m = chat();
        String before = m.toXML();
        new Forwarded(m).toElement();
        assertEquals(before, m.toXML());
    }

    @Test
    void parsingTheXep0297ExampleGivesTheStanzaAndItsDelay() throws Exception {
        Element forwarded = DocumentHelper.parseText("<forwarded xmlns='urn:xmpp:forward:0'>"
                + "<delay xmlns='urn:xmpp:delay' stamp='2010-07-10T23:08:25Z'/>"
                + "<message xmlns='jabber:client' to='mercutio@verona.lit' from='juliet@capulet.lit/orchard' "
                + "type='chat' id='0202197'><body>Yet I should kill thee with much cherishing.</body>"
                + "<mood xmlns='http://jabber.org/protocol/mood'><amorous/></mood></message></forwarded>")
                .getRootElement();
        Forwarded f = Forwarded.parse(forwarded);
        Message m = assertInstanceOf(Message.class, f.stanza());
        assertEquals("Yet I should kill thee with much cherishing.", m.getBody());
        assertEquals(new JID("juliet@capulet.lit/orchard"), m.getFrom());
        assertEquals(Instant.parse("2010-07-10T23:08:25Z"), f.delay().orElseThrow().stamp());
        // Back in our stream's default namespace, like any packet Tinder builds; extensions keep theirs.
        assertTrue(m.toXML().startsWith("<message to="), m.toXML());
        assertTrue(m.toXML().contains("<mood xmlns=\"http://jabber.org/protocol/mood\"><amorous/></mood>"), m.toXML());
    }

    @Test
    void aForwardedIqParsesAsAnIq() throws Exception {
        Forwarded f = Forwarded.in(DocumentHelper.parseText("<delegation xmlns='urn:xmpp:delegation:2'>"
                + "<forwarded xmlns='urn:xmpp:forward:0'><iq xmlns='jabber:client' type='get' id='q1' "
                + "from='user@example.test/res'><pubsub xmlns='http://jabber.org/protocol/pubsub'/></iq></forwarded>"
                + "</delegation>").getRootElement()).orElseThrow();
        IQ iq = assertInstanceOf(IQ.class, f.stanza());
        assertEquals(IQ.Type.get, iq.getType());
        assertEquals("http://jabber.org/protocol/pubsub", iq.getChildElement().getNamespaceURI());
        assertTrue(f.delay().isEmpty());
    }

    @Test
    void forwardedMustWrapExactlyOneStanza() {
        for (String body : new String[] {"", "<message xmlns='jabber:client'/><message xmlns='jabber:client'/>"}) {
            XmppException e = assertThrows(XmppException.class, () -> Forwarded.parse(DocumentHelper.parseText(
                    "<forwarded xmlns='urn:xmpp:forward:0'>" + body + "</forwarded>").getRootElement()));
            assertEquals(PacketError.Condition.bad_request, e.condition());
        }
    }
}
