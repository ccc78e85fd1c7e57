package org.xcs.common.multicast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.xcs.common.testing.TestStanzas.parse;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.common.stanza.wire.StanzaXml;
import org.xcs.common.testing.RecordingSender;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/** XEP-0033 as a sender: which stanzas become one multicast stanza, and what it looks like on the wire. */
class MulticastSenderTest {

    private static final MulticastTarget EJABBERD = new MulticastTarget(new JID("multicast.example.org"),
            "example.org", 20);

    /** Our Prosody module: it takes the list as lines of text too. */
    private static final MulticastTarget XCS_PROSODY = new MulticastTarget(new JID("multicast.example.org"),
            "example.org", 100, true);

    private final RecordingSender wire = new RecordingSender();
    private final MulticastSender sender = new MulticastSender(wire);

    private static Packet groupchat(String to, String body) {
        return parse("<message from='room@muc.example.org/alice'" + (to == null ? "" : " to='" + to + "'")
                + " type='groupchat' id='m1'>"
                + "<body>" + body + "</body><stanza-id xmlns='urn:xmpp:sid:0' id='s1' by='room@muc.example.org'/>"
                + "</message>");
    }

    private static List<Packet> toEach(String body, String... recipients) {
        List<Packet> copies = new ArrayList<>();
        for (String to : recipients) {
            copies.add(groupchat(to, body));
        }
        return copies;
    }

    @Test
    void withoutAServiceEveryStanzaGoesStraightAndUnchanged() {
        List<Packet> copies = toEach("hi", "a@example.org/1", "b@example.org/2");
        sender.sendAll(copies);
        assertEquals(2, wire.count());
        assertXmlMatches(StanzaXml.render(copies.get(1)), wire.all().get(1));
    }

    @Test
    void aRoomMessageToEveryOccupantIsOneStanzaWithBccAddresses() {
        sender.use(EJABBERD);
        sender.sendAll(toEach("hi", "a@example.org/1", "b@example.org/2", "c@example.org/3"));
        assertEquals(List.of(1), wire.batchSizes());
        // XEP-0033 §4.6.3: bcc, so the service strips the list before it delivers; the stanza is otherwise the same
        assertXmlMatches("<message from='room@muc.example.org/alice' to='multicast.example.org' type='groupchat'"
                + " id='m1'><body>hi</body><stanza-id xmlns='urn:xmpp:sid:0' id='s1' by='room@muc.example.org'/>"
                + "<addresses xmlns='http://jabber.org/protocol/address'>"
                + "<address type='bcc' jid='a@example.org/1'/><address type='bcc' jid='b@example.org/2'/>"
                + "<address type='bcc' jid='c@example.org/3'/></addresses></message>", wire.all().get(0));
        assertEquals(1, sender.stanzas());
        assertEquals(3, sender.addresses());
    }

    @Test
    void theListIsRenderedInItsNamespaceOnce() {
        sender.use(EJABBERD);
        sender.sendAll(toEach("hi", "a@example.org/1", "b@example.org/2"));
        String xml = StanzaXml.render(wire.all().get(0));
        assertEquals(1, xml.split("http://jabber.org/protocol/address", -1).length - 1, xml);
    }

    @Test
    void moreRecipientsThanTheLimitTakeSeveralStanzasInOrder() {
        sender.use(new MulticastTarget(new JID("multicast.example.org"), "example.org", 2));
        sender.sendAll(toEach("hi", "a@example.org/1", "b@example.org/2", "c@example.org/3"));
        List<Packet> out = wire.all();
        assertEquals(2, out.size());
        assertEquals(List.of("a@example.org/1", "b@example.org/2"), bcc(out.get(0)));
        assertEquals(List.of("c@example.org/3"), bcc(out.get(1)));
    }

    @Test
    void onlyNeighboursThatDifferInNothingButToAreJoined() {
        sender.use(EJABBERD);
        List<Packet> batch = new ArrayList<>(toEach("one", "a@example.org/1", "b@example.org/2"));
        batch.add(groupchat("a@example.org/1", "two"));
        batch.add(groupchat("c@example.org/3", "one")); // same as the first two, but after a different one
        sender.sendAll(batch);
        List<Packet> out = wire.all();
        assertEquals(3, out.size());
        assertEquals(List.of("a@example.org/1", "b@example.org/2"), bcc(out.get(0)));
        assertEquals(List.of("a@example.org/1"), bcc(out.get(1)));
        assertEquals("two", out.get(1).getElement().elementText("body"));
        assertEquals(List.of("c@example.org/3"), bcc(out.get(2)));
    }

    @Test
    void aStanzaToOneUserStillGoesThroughTheServiceSoItCannotOvertakeAnEarlierOne() {
        sender.use(EJABBERD);
        sender.send(parse("<presence from='room@muc.example.org/bob' to='a@example.org/1'/>"));
        Packet out = wire.all().get(0);
        assertEquals("multicast.example.org", out.getTo().toString());
        assertEquals(List.of("a@example.org/1"), bcc(out));
    }

    @Test
    void iqsOtherDomainsServersAndAddressedPayloadsGoStraight() {
        sender.use(EJABBERD);
        List<Packet> batch = List.of(
                parse("<iq type='result' id='q1' from='muc.example.org' to='a@example.org/1'/>"),
                groupchat("x@elsewhere.net/1", "hi"),
                parse("<message from='muc.example.org' to='example.org'><body>to the server</body></message>"),
                // a client's own XEP-0033 header passed through a room must never choose the service's recipients
                parse("<message from='room@muc.example.org/eve' to='a@example.org/1' type='groupchat'><body>x</body>"
                        + "<addresses xmlns='http://jabber.org/protocol/address'>"
                        + "<address type='bcc' jid='victim@example.org'/></addresses></message>"));
        sender.sendAll(batch);
        List<Packet> out = wire.all();
        assertEquals(4, out.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(batch.get(i).getTo(), out.get(i).getTo());
        }
        assertEquals(0, sender.stanzas());
    }

    @Test
    void attributeOrderDoesNotKeepIdenticalStanzasApart() {
        sender.use(EJABBERD);
        sender.sendAll(List.of(
                parse("<message type='groupchat' id='m' from='room@muc.example.org/a' to='a@example.org/1'>"
                        + "<body>x</body></message>"),
                parse("<message from='room@muc.example.org/a' id='m' to='b@example.org/1' type='groupchat'>"
                        + "<body>x</body></message>")));
        assertEquals(1, wire.count());
    }

    @Test
    void anyOtherDifferenceKeepsThemApart() {
        sender.use(EJABBERD);
        sender.sendAll(List.of(
                parse("<message type='groupchat' id='m' from='room@muc.example.org/a' to='a@example.org/1'>"
                        + "<body>x</body></message>"),
                parse("<message type='groupchat' id='m' from='room@muc.example.org/a' to='b@example.org/1'"
                        + " xml:lang='de'><body>x</body></message>"),
                parse("<message type='groupchat' id='m' from='room@muc.example.org/a' to='c@example.org/1'>"
                        + "<body>y</body></message>"),
                parse("<message type='groupchat' id='m' from='room@muc.example.org/a' to='d@example.org/1'>"
                        + "<body xml:lang='de'>y</body></message>")));
        assertEquals(4, wire.count());
    }

    @Test
    void backToStraightWhenTheServiceIsDropped() {
        sender.use(EJABBERD);
        sender.use(null);
        assertNull(sender.target());
        sender.sendAll(toEach("hi", "a@example.org/1", "b@example.org/2"));
        assertEquals(2, wire.count());
        assertEquals("a@example.org/1", wire.all().get(0).getTo().toString());
    }

    @Test
    void sendToEachMakesNoCopyPerRecipientAndKeepsTheirOrder() {
        sender.use(new MulticastTarget(new JID("multicast.example.org"), "example.org", 2));
        Packet message = groupchat(null, "hi");
        String before = StanzaXml.render(message);
        sender.sendToEach(message, List.of(new JID("a@example.org/1"), new JID("b@example.org/2"),
                new JID("c@example.org/3"), new JID("x@elsewhere.net/1"), new JID("d@example.org/4")));
        List<Packet> out = wire.all();
        assertEquals(4, out.size());
        assertEquals(List.of("a@example.org/1", "b@example.org/2"), bcc(out.get(0)));
        assertEquals(List.of("c@example.org/3"), bcc(out.get(1)));
        assertEquals("x@elsewhere.net/1", out.get(2).getTo().toString());
        assertNull(out.get(2).getElement().element("addresses"));
        assertEquals(List.of("d@example.org/4"), bcc(out.get(3)));
        assertEquals(List.of(4), wire.batchSizes(), "one batch");
        assertEquals(before, StanzaXml.render(message), "the caller's stanza is not changed");
    }

    @Test
    void sendToEachWithoutAServiceSendsACopyToEach() {
        sender.sendToEach(groupchat(null, "hi"), List.of(new JID("a@example.org/1"), new JID("b@example.org/2")));
        assertEquals(List.of(2), wire.batchSizes());
        assertEquals("b@example.org/2", wire.all().get(1).getTo().toString());
        assertEquals("hi", wire.all().get(1).getElement().elementText("body"));
    }

    @Test
    void aServiceThatTakesLinesGetsTheListAsOneTextNodeOneJidPerLine() {
        sender.use(XCS_PROSODY);
        // RFC 7622 §3.4: a resource may hold spaces, never a line feed
        sender.sendAll(toEach("hi", "a@example.org/1", "b@example.org/with space", "c@example.org/3"));
        Packet out = wire.all().get(0);
        assertEquals("multicast.example.org", out.getTo().toString());
        assertNull(out.getElement().element("addresses"));
        assertEquals("a@example.org/1\nb@example.org/with space\nc@example.org/3\n",
                out.getElement().element(org.dom4j.QName.get("bcc", MulticastSender.LINES)).getText());
        assertEquals("hi", out.getElement().elementText("body"));
        // as the host reads it back from the wire
        assertEquals(List.of("a@example.org/1", "b@example.org/with space", "c@example.org/3"),
                MulticastSender.bccOf(parse(StanzaXml.render(out)).getElement()));
        assertEquals(3, sender.addresses());
    }

    @Test
    void aClientsOwnListOfLinesPassedThroughARoomGoesStraight() {
        sender.use(XCS_PROSODY);
        Packet payload = parse("<message from='room@muc.example.org/eve' to='a@example.org/1' type='groupchat'>"
                + "<body>x</body><bcc xmlns='urn:xcs:multicast:lines:0'>victim@example.org</bcc></message>");
        sender.sendAll(List.of(payload));
        assertEquals("a@example.org/1", wire.all().get(0).getTo().toString());
        assertEquals(0, sender.stanzas());
    }

    @Test
    void aRefusedListOfLinesIsSentAgainOneStanzaPerLine() {
        sender.use(XCS_PROSODY);
        sender.sendAll(toEach("hi", "a@example.org/1", "b@example.org/2"));
        assertEquals(2, sender.resendRefused(refusalOf(wire.all().get(0))));
        assertXmlMatches(StanzaXml.render(groupchat("a@example.org/1", "hi")), wire.all().get(1));
        assertXmlMatches(StanzaXml.render(groupchat("b@example.org/2", "hi")), wire.all().get(2));
    }

    /** XEP-0033 §8, as ejabberd and our module do it: the stanza comes back whole from the service, type error. */
    static Packet refusalOf(Packet sent) {
        Packet refusal = sent.createCopy();
        refusal.setFrom(sent.getTo());
        refusal.setTo(sent.getFrom());
        refusal.getElement().addAttribute("type", "error");
        refusal.getElement().addElement("error").addAttribute("type", "modify")
                .addElement("not-acceptable", "urn:ietf:params:xml:ns:xmpp-stanzas");
        return refusal;
    }

    static List<String> bcc(Packet multicast) {
        List<String> jids = new ArrayList<>();
        for (org.dom4j.Element a : multicast.getElement().element("addresses").elements("address")) {
            assertEquals("bcc", a.attributeValue("type"));
            jids.add(a.attributeValue("jid"));
        }
        return jids;
    }
}
