package org.xcs.pubsub.privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.InMemoryRouter;
import org.xcs.common.testing.TestStanzas;
import org.xcs.pubsub.PubSubModule;
import org.xcs.pubsub.PubSubOptions;
import org.xmpp.packet.Packet;
import org.xmpp.packet.JID;

/** The bytes the host reads, and the one-reply guarantee, through the whole module. */
class DelegatedWireTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    final FakePep pep = new FakePep();
    final InMemoryRouter host = new InMemoryRouter();
    final ComponentCore component;

    DelegatedWireTest() {
        PubSubModule module = new PubSubModule(new PubSubOptions(), pep.factory());
        component = module.create(new ComponentContext(new JID("pubsub.example.test"), host,
                new InMemoryStore(module.schemaVersion()), Clock.systemUTC(), "1"));
        host.attach(component);
    }

    @AfterEach
    void drain() {
        component.drain(WAIT);
    }

    static String delegated(String ns, String outerId, String innerId, String node) {
        return "<iq type='set' id='" + outerId + "' from='example.test' to='pubsub.example.test'>"
                + "<delegation xmlns='" + ns + "'><forwarded xmlns='urn:xmpp:forward:0'>"
                + "<iq xmlns='jabber:client' type='get' id='" + innerId + "' from='alice@example.test/r'>"
                + "<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='" + node + "'/></pubsub>"
                + "</iq></forwarded></delegation></iq>";
    }

    @Test
    void theInnerReplyIsWrittenInJabberClientNeverAsAnEmptyNamespace() {
        host.deliver(TestStanzas.parse(delegated("urn:xmpp:delegation:2", "o1", "i1", "n")));
        Packet reply = host.receive("example.test", WAIT);
        assertNotNull(reply);
        String xml = reply.toXML();
        assertTrue(xml.contains("<iq xmlns=\"jabber:client\""), xml);
        assertFalse(xml.contains("xmlns=\"\""), xml);
        assertTrue(xml.contains("id=\"i1\"") && xml.contains("to=\"alice@example.test/r\""), xml);
        assertTrue(xml.contains("<delegation xmlns=\"urn:xmpp:delegation:2\">"), xml);
        assertEquals("alice@example.test", pep.requests.get(0).getTo().toString(),
                "the PEP core sees the owner as 'to' when the host left it out");
    }

    @Test
    void everyDelegatedRequestIsAnsweredExactlyOnceWhateverThePepCoreDoes() {
        List<String> nodes = List.of("n", "missing", "crash", "silent");
        for (int i = 0; i < nodes.size(); i++) {
            String ns = i % 2 == 0 ? "urn:xmpp:delegation:1" : "urn:xmpp:delegation:2";
            host.deliver(TestStanzas.parse(delegated(ns, "o" + i, "i" + i, nodes.get(i))));
        }
        host.deliver(TestStanzas.parse("<iq type='set' id='bad' from='example.test' to='pubsub.example.test'>"
                + "<delegation xmlns='urn:xmpp:delegation:2'/></iq>"));
        // The malformed one runs on the shared queue, the others on alice's: order differs only across queues.
        Map<String, Packet> replies = new java.util.HashMap<>();
        for (int i = 0; i <= nodes.size(); i++) {
            Packet reply = host.receive("example.test", WAIT);
            assertNotNull(reply, "reply " + i);
            assertEquals(null, replies.put(reply.getID(), reply), "one reply per request");
        }
        for (int i = 0; i < nodes.size(); i++) {
            Packet reply = replies.get("o" + i);
            assertEquals("result", reply.getElement().attributeValue("type"));
            String ns = i % 2 == 0 ? "urn:xmpp:delegation:1" : "urn:xmpp:delegation:2";
            assertEquals(ns, reply.getElement().element("delegation").getNamespaceURI(), "version addressed");
        }
        assertEquals("error", replies.get("bad").getElement().attributeValue("type"));
        assertTrue(component instanceof PepFront);
        component.drain(WAIT);
        Map<String, List<Packet>> left = host.unreceived();
        assertTrue(left.isEmpty(), "nothing else sent: " + left);
    }

    @Test
    void aForwardedPresenceWithKnownCapsReachesThePepCoreOnceItsCapsAreVerified() {
        host.deliver(TestStanzas.parse("<message from='example.test' to='pubsub.example.test'><privilege "
                + "xmlns='urn:xmpp:privilege:2'><perm access='presence' type='roster'/></privilege></message>"));
        host.deliver(TestStanzas.parse("<presence from='romeo@montague.test/orchard' to='pubsub.example.test'>"
                + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='" + HostPresencesTest.NODE
                + "' ver='" + HostPresencesTest.VER + "'/></presence>"));
        Packet query = host.receive("romeo@montague.test/orchard", WAIT);
        assertNotNull(query, "disco#info to the resource");
        host.deliver(TestStanzas.parse("<iq type='result' id='" + query.getID() + "' from='romeo@montague.test/orchard'"
                + " to='pubsub.example.test'><query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity category='client' name='Exodus 0.9.1' type='pc'/>" + HostPresencesTest.EXODUS_FEATURES
                + "</query></iq>"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pep.events.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of("available romeo@montague.test/orchard"), pep.events);
        assertNotNull(pep.wiring.presences());
        assertEquals(java.util.Set.of("romeo@montague.test/orchard"),
                pep.wiring.presences().available("romeo@montague.test"));
    }
}
