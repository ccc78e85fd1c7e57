package org.xcs.common.stanza.sid;

import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StanzaIdTest {
    private static final JID ROOM = new JID("room@muc.example.com");

    private static Message incoming(String children) throws Exception {
        return new Message(DocumentHelper.parseText("<message xmlns='jabber:component:accept' "
                + "to='room@muc.example.com' type='groupchat'><body>Typical body text</body>" + children
                + "</message>").getRootElement());
    }

    @Test
    void assigningAddsOurStanzaIdAndPreservesTheOriginId() throws Exception {
        Message m = incoming("<origin-id xmlns='urn:xmpp:sid:0' id='de305d54-75b4-431b-adb2-eb6b9e546013'/>");
        StanzaId sid = StanzaId.assign(m, ROOM, () -> "5f3dbc5e");
        assertEquals(new StanzaId("5f3dbc5e", ROOM), sid);
        assertTrue(m.toXML().contains("<stanza-id xmlns=\"urn:xmpp:sid:0\" id=\"5f3dbc5e\" by=\"room@muc.example.com\"/>"),
                m.toXML());
        assertEquals(Optional.of("de305d54-75b4-431b-adb2-eb6b9e546013"), StanzaId.originId(m));
    }

    @Test
    void aStanzaIdForgedWithOurAddressIsReplacedEvenInAnotherCase() throws Exception {
        Message m = incoming("<stanza-id xmlns='urn:xmpp:sid:0' id='forged' by='Room@MUC.example.com'/>");
        StanzaId.assign(m, ROOM, () -> "ours");
        assertEquals(List.of(new StanzaId("ours", ROOM)), StanzaId.all(m));
    }

    @Test
    void removingOurClaimsKeepsIdsAssignedByOthers() throws Exception {
        Message m = incoming("<stanza-id xmlns='urn:xmpp:sid:0' id='a' by='room@muc.example.com'/>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' id='b' by='alice@example.com'/>");
        assertEquals(1, StanzaId.removeClaimsBy(m, ROOM));
        assertEquals(List.of(new StanzaId("b", new JID("alice@example.com"))), StanzaId.all(m));
        assertEquals(Optional.empty(), StanzaId.by(m, ROOM));
    }

    @Test
    void stanzaIdsWithoutIdOrByAreIgnored() throws Exception {
        Message m = incoming("<stanza-id xmlns='urn:xmpp:sid:0' id='a'/>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' by='alice@example.com'/>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' id='c' by='a b@example.com'/>");
        assertEquals(List.of(), StanzaId.all(m));
    }

    @Test
    void anEmptyOrMissingOriginIdIsAbsent() throws Exception {
        assertEquals(Optional.empty(), StanzaId.originId(incoming("")));
        assertEquals(Optional.empty(), StanzaId.originId(incoming("<origin-id xmlns='urn:xmpp:sid:0' id=''/>")));
    }

    @Test
    void generatedIdsAre128RandomBitsInUrlSafeBase64() {
        RandomIdGenerator ids = new RandomIdGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ids.next();
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
            seen.add(id);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void idsDrawnInBulkAreStillAllDifferentAcrossDraws() {
        RandomIdGenerator ids = new RandomIdGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.next());
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void eachIdIsSixteenFreshBytesOfTheSource() {
        Random source = new Random(11);
        byte[] expected = new byte[16 * 64];
        source.nextBytes(expected);
        RandomIdGenerator ids = new RandomIdGenerator(new Random(11));
        java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        for (int i = 0; i < 64; i++) {
            assertEquals(encoder.encodeToString(java.util.Arrays.copyOfRange(expected, i * 16, i * 16 + 16)),
                    ids.next());
        }
    }

    @Test
    void theRandomSourceIsInjectable() {
        assertEquals(new RandomIdGenerator(new Random(7)).next(), new RandomIdGenerator(new Random(7)).next());
    }

    @Test
    void testsCanFixTheIdSequence() throws Exception {
        Iterator<String> fixed = List.of("id-1", "id-2").iterator();
        IdGenerator ids = fixed::next;
        Message a = incoming("");
        Message b = incoming("");
        assertEquals("id-1", StanzaId.assign(a, ROOM, ids).id());
        assertEquals("id-2", StanzaId.assign(b, ROOM, ids).id());
    }
}
