package org.xcs.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.dom4j.Element;
import org.dom4j.io.XPPPacketReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.InMemoryStore;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * XEP-0060 §6.5.4: a node whose items do not fit one stanza answers a request for all of them (or for max_items
 * more than fit) with the newest that fit and an XEP-0059 set, from which the client pages on; never with a reply
 * the host would refuse (Prosody closes a component's stream above component_stanza_size_limit).
 */
class ItemListsWithinStanzaSizeTest {
    private static final String SERVICE = "pubsub.example.test";
    private static final String USER = "alice@example.test/r";
    private static final String NS = "http://jabber.org/protocol/pubsub";
    private static final String RSM = "http://jabber.org/protocol/rsm";
    private static final int MAX_STANZA = 64 * 1024;
    private static final int ITEMS = 100;
    private static final String PAD = "x".repeat(2000);

    private final BlockingQueue<Packet> replies = new ArrayBlockingQueue<>(256);
    private final XPPPacketReader reader = new XPPPacketReader();
    private ComponentCore core;

    @BeforeEach
    void aNodeOfTwoHundredKilobytes() throws Exception {
        PubSubModule module = new PubSubModule(new PubSubOptions(), PubSubModule::pepCore, MAX_STANZA);
        core = module.create(new ComponentContext(new JID(SERVICE), replies::add,
                new InMemoryStore(module.schemaVersion()), Clock.systemUTC(), "test"));
        result("<iq type='set' to='" + SERVICE + "' from='" + USER + "' id='c'><pubsub xmlns='" + NS
                + "'><create node='big'/><configure><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>" + NS + "#node_config</value></field>"
                + "<field var='pubsub#max_items'><value>1000</value></field></x></configure></pubsub></iq>");
        for (int i = 0; i < ITEMS; i++) {
            result("<iq type='set' to='" + SERVICE + "' from='" + USER + "' id='p" + i + "'><pubsub xmlns='" + NS
                    + "'><publish node='big'><item id='i" + i + "'><entry xmlns='urn:test'>" + PAD
                    + "</entry></item></publish></pubsub></iq>");
        }
    }

    @AfterEach
    void drain() {
        core.drain(Duration.ofSeconds(5));
    }

    @Test
    void maxItemsAboveWhatFitsGivesTheNewestThatFitAndAResultSetToPageBackFrom() throws Exception {
        List<String> all = new ArrayList<>();
        Element pubsub = result(get("<items node='big' max_items='10000'/>"));
        List<String> page = ids(pubsub);
        assertTrue(page.size() > 1 && page.size() < ITEMS, "items in the first reply: " + page.size());
        assertEquals("i" + (ITEMS - 1), page.get(page.size() - 1), "§6.5.7: the most recent items");
        Element set = pubsub.element("set");
        assertNotNull(set, "§6.5.4: a cut list carries an XEP-0059 set");
        assertEquals(Integer.toString(ITEMS), set.elementText("count"));
        assertEquals(Integer.toString(ITEMS - page.size()), set.element("first").attributeValue("index"));
        all.addAll(0, page);
        // XEP-0059 §2.5: page backwards from the first item received, until the node's first item.
        while (!all.get(0).equals("i0")) {
            pubsub = result(get("<items node='big'/><set xmlns='" + RSM + "'><max>10000</max><before>" + all.get(0)
                    + "</before></set>"));
            page = ids(pubsub);
            assertTrue(!page.isEmpty(), "an empty page before " + all.get(0));
            all.addAll(0, page);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            expected.add("i" + i);
        }
        assertEquals(expected, all, "every item exactly once, in publish order");
    }

    @Test
    void allItemsAndAForwardPageStayWithinTheStanzaSize() throws Exception {
        Element all = result(get("<items node='big'/>"));
        assertEquals("i" + (ITEMS - 1), ids(all).get(ids(all).size() - 1));
        assertNotNull(all.element("set"));
        // XEP-0059 §2.1: a forward page keeps its oldest items, so that <after>last</after> goes on from there.
        Element forward = result(get("<items node='big'/><set xmlns='" + RSM + "'><max>10000</max></set>"));
        List<String> page = ids(forward);
        assertEquals("i0", page.get(0));
        assertTrue(page.size() < ITEMS);
        assertEquals(page.get(page.size() - 1), forward.element("set").elementText("last"));
    }

    private String get(String query) {
        return "<iq type='get' to='" + SERVICE + "' from='" + USER + "' id='g" + System.nanoTime() + "'><pubsub xmlns='"
                + NS + "'>" + query + "</pubsub></iq>";
    }

    /** Sends an IQ; returns its result's pubsub element, having checked the result fits {@link #MAX_STANZA}. */
    private Element result(String stanza) throws Exception {
        core.handle(new IQ(reader.read(new StringReader(stanza)).getRootElement()));
        Packet reply = replies.poll(10, TimeUnit.SECONDS);
        assertNotNull(reply, "no reply to " + stanza.substring(0, 120));
        String xml = reply.toXML();
        assertEquals("result", reply.getElement().attributeValue("type"), xml.substring(0, Math.min(600, xml.length())));
        int bytes = xml.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= MAX_STANZA, "a result of " + bytes + " bytes, above " + MAX_STANZA);
        return reply.getElement().element("pubsub");
    }

    private static List<String> ids(Element pubsub) {
        List<String> ids = new ArrayList<>();
        for (Element item : pubsub.element("items").elements("item")) {
            ids.add(item.attributeValue("id"));
        }
        return ids;
    }
}
