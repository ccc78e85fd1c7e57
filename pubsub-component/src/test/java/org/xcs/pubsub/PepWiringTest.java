package org.xcs.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.InMemoryRouter;
import org.xcs.common.testing.TestStanzas;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/** The module as shipped serves PEP with the real core behind the privilege layer (XEP-0163 via XEP-0355). */
class PepWiringTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    final InMemoryRouter host = new InMemoryRouter();
    final ComponentCore component;

    PepWiringTest() {
        PubSubModule module = new PubSubModule(new PubSubOptions());
        component = module.create(new ComponentContext(new JID("pubsub.example.test"), host,
                new InMemoryStore(module.schemaVersion()), Clock.systemUTC(), "1"));
        host.attach(component);
    }

    @AfterEach
    void drain() {
        component.drain(WAIT);
    }

    static String delegated(String outerId, String innerId, String inner) {
        return "<iq type='set' id='" + outerId + "' from='example.test' to='pubsub.example.test'>"
                + "<delegation xmlns='urn:xmpp:delegation:2'><forwarded xmlns='urn:xmpp:forward:0'>"
                + "<iq xmlns='jabber:client' type='" + (inner.contains("<publish") ? "set" : "get") + "' id='"
                + innerId + "' from='alice@example.test/phone'>" + inner + "</iq></forwarded></delegation></iq>";
    }

    @Test
    void aUserPublishesToTheirOwnBareJidAndReadsTheItemBack() {
        host.deliver(TestStanzas.parse(delegated("o1", "pub1",
                "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='http://jabber.org/protocol/mood'>"
                        + "<item id='current'><mood xmlns='http://jabber.org/protocol/mood'><happy/></mood></item>"
                        + "</publish></pubsub>")));
        Packet published = host.receive("example.test", WAIT);
        assertNotNull(published);
        String xml = published.toXML();
        assertTrue(xml.contains("type=\"result\"") && xml.contains("id=\"pub1\""), xml);

        host.deliver(TestStanzas.parse(delegated("o2", "get1",
                "<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='http://jabber.org/protocol/mood'/>"
                        + "</pubsub>")));
        Packet items = host.receive("example.test", WAIT);
        assertNotNull(items);
        String got = items.toXML();
        assertTrue(got.contains("id=\"get1\"") && got.contains("<happy/>") && got.contains("id=\"current\""), got);
        assertEquals("o2", items.getID());
    }
}
