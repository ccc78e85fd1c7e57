package org.xcs.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.PacketSender;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.RecordingSender;
import org.xcs.common.testing.TestStanzas;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Issue 4, scale: "a publish to a node with 10,000 subscribers sends its notifications without blocking publishes to
 * other nodes". The whole component (router, per-node queues, handlers, core) with a sender that stalls while it
 * delivers node A's notifications: a publish to node B is still answered, so A's fan-out occupies A's queue only.
 */
class PerNodeQueuesTest {
    private static final String SERVICE = "pubsub.example.test";
    private static final String EVENT_NS = "http://jabber.org/protocol/pubsub#event";
    private static final int SUBSCRIBERS = 10_000;
    private static final int SUBSCRIBE_BATCH = 500;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final RecordingSender recorded = new RecordingSender();
    private final CountDownLatch deliveringA = new CountDownLatch(1);
    private final CountDownLatch releaseA = new CountDownLatch(1);

    /** Holds every notification of node A until released, as a slow link to 10,000 subscribers would. */
    private final PacketSender stallingOnA = packet -> {
        if (isEventOf(packet, "a")) {
            deliveringA.countDown();
            try {
                // Bounded: a broken test ends instead of hanging.
                releaseA.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        recorded.send(packet);
    };

    @Test
    void aPublishToAnotherNodeIsAnsweredWhileTheNotificationsOfANodeWithTenThousandSubscribersAreStillGoingOut()
            throws Exception {
        PubSubModule module = new PubSubModule();
        ComponentCore core = module.create(new ComponentContext(new JID(SERVICE), stallingOnA,
                new InMemoryStore(module.schemaVersion()), Clock.systemUTC(), "test"));
        try {
            request(core, "c1", "alice", "<create node='a'/>");
            request(core, "c2", "alice", "<create node='b'/>");
            // In batches: a node's queue is bounded (overload is answered resource-constraint, not queued).
            for (int batch = 0; batch < SUBSCRIBERS; batch += SUBSCRIBE_BATCH) {
                for (int i = batch; i < batch + SUBSCRIBE_BATCH; i++) {
                    core.handle(TestStanzas.iq("<iq type='set' id='s" + i + "' from='user" + i + "@example.test/r' to='"
                            + SERVICE + "'><pubsub xmlns='http://jabber.org/protocol/pubsub'><subscribe node='a' "
                            + "jid='user" + i + "@example.test'/></pubsub></iq>"));
                }
                List<Packet> subscribed = recorded.await(SUBSCRIBE_BATCH, WAIT);
                assertTrue(subscribed.stream().allMatch(p -> p instanceof IQ iq && iq.getType() == IQ.Type.result),
                        "a subscription was refused: " + subscribed.get(0).toXML());
            }

            // XEP-0060 §7.1.2: the publisher's result first, then the notifications, which stall on A's queue.
            request(core, "pa", "alice", "<publish node='a'><item id='x'><entry xmlns='urn:a'/></item></publish>");
            assertTrue(deliveringA.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "A's notifications never started");

            request(core, "pb", "alice", "<publish node='b'><item id='y'><entry xmlns='urn:a'/></item></publish>");
            assertEquals(0, recorded.all().stream().filter(p -> isEventOf(p, "a")).count(),
                    "A's notifications were to be held until B's publish was answered");

            releaseA.countDown();
            List<Packet> notifications = recorded.await(SUBSCRIBERS, WAIT);
            Set<String> reached = new HashSet<>();
            for (Packet p : notifications) {
                assertTrue(isEventOf(p, "a"), p.toXML());
                reached.add(p.getTo().toBareJID());
            }
            assertEquals(SUBSCRIBERS, reached.size());
        } finally {
            releaseA.countDown();
            core.drain(WAIT);
        }
    }

    /** Sends a pubsub IQ set and checks that the next packet out is its result. */
    private void request(ComponentCore core, String id, String user, String body) {
        core.handle(TestStanzas.iq("<iq type='set' id='" + id + "' from='" + user + "@example.test/r' to='" + SERVICE
                + "'><pubsub xmlns='http://jabber.org/protocol/pubsub'>" + body + "</pubsub></iq>"));
        Packet reply = recorded.next(WAIT);
        assertTrue(reply instanceof IQ iq && iq.getType() == IQ.Type.result && id.equals(iq.getID()),
                "expected the result of " + id + ", got " + reply.toXML());
    }

    private static boolean isEventOf(Packet packet, String node) {
        if (!(packet instanceof Message)) {
            return false;
        }
        Element event = packet.getElement().element(org.dom4j.QName.get("event", EVENT_NS));
        Element items = event == null ? null : event.element("items");
        return items != null && node.equals(items.attributeValue("node"));
    }
}
