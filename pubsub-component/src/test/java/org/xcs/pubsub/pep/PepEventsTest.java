package org.xcs.pubsub.pep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.store.FileStore;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.store.Store;
import org.xcs.common.testing.RecordingSender;
import org.xcs.pubsub.service.ItemQuery;
import org.xcs.pubsub.service.Payload;
import org.xcs.pubsub.service.PubSubService;
import org.xcs.pubsub.service.ServiceSettings;
import org.xcs.pubsub.store.PepNodeStores;
import org.xcs.pubsub.store.StoreNodeStore;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/** XEP-0163 §4.3.4 last items on coming online, the reply-before-notifications order, restarts. */
class PepEventsTest {
    static final String ALICE = "alice@example.test";
    static final String TUNE = "http://jabber.org/protocol/tune";
    static final String MOOD = "http://jabber.org/protocol/mood";

    final World world = new World();
    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    final RecordingSender out = new RecordingSender();
    final List<Runnable> held = new ArrayList<>();

    Pep pep(Store store) {
        return new Pep(store, world, world, out, (request, work) -> held.add(work), clock);
    }

    static IQ publish(String from, String node, String id, String payload) {
        IQ iq = new IQ(IQ.Type.set, "p-" + id);
        iq.setFrom(from);
        iq.setTo(ALICE);
        iq.setChildElement("pubsub", "http://jabber.org/protocol/pubsub").addElement("publish")
                .addAttribute("node", node).addElement("item").addAttribute("id", id)
                .add(org.dom4j.DocumentHelper.createElement(org.dom4j.QName.get(payload, node)));
        return iq;
    }

    static List<String> to(List<Packet> packets) {
        return packets.stream().map(p -> p.getTo().toString()).toList();
    }

    @Test
    void notificationsWaitForTheReplyAndComeFromTheOwnersBareJid() {
        world.friends(ALICE, "bob@example.test").online("bob@example.test/laptop", TUNE);
        Pep pep = pep(new InMemoryStore());
        IQ reply = pep.iqHandler().handle(publish(ALICE + "/phone", TUNE, "t1", "tune"));
        assertEquals(IQ.Type.result, reply.getType());
        assertEquals(ALICE + "/phone", reply.getTo().toString());
        assertEquals(0, out.count(), "nothing before the reply has left");
        held.forEach(Runnable::run);
        Message m = (Message) out.all().get(0);
        assertEquals(ALICE, m.getFrom().toString());
        assertEquals("bob@example.test/laptop", m.getTo().toString());
        assertEquals(Message.Type.headline, m.getType());
        Element items = m.getChildElement("event", "http://jabber.org/protocol/pubsub#event").element("items");
        assertEquals(TUNE, items.attributeValue("node"));
        assertEquals("t1", items.element("item").attributeValue("id"));
    }

    @Test
    void aRefusedRequestIsAnsweredWithItsErrorAndNotifiesNobody() {
        world.friends(ALICE, "bob@example.test").online("bob@example.test/laptop", TUNE);
        IQ reply = pep(new InMemoryStore()).iqHandler().handle(publish("bob@example.test/laptop", TUNE, "t1", "tune"));
        assertEquals(IQ.Type.error, reply.getType());
        assertEquals("forbidden", reply.getError().getCondition().toXMPP());
        assertTrue(held.isEmpty());
    }

    @Test
    void aContactComingOnlineGetsTheLastItemOfEachNodeItWantsAndMaySee() {
        world.friends(ALICE, "bob@example.test").roster(ALICE, "carol@example.test", "to")
                .roster("carol@example.test", ALICE, "from");
        Pep pep = pep(new InMemoryStore());
        pep.iqHandler().handle(publish(ALICE + "/phone", TUNE, "t1", "tune"));
        pep.iqHandler().handle(publish(ALICE + "/phone", MOOD, "m1", "mood"));
        held.clear();

        world.online("bob@example.test/laptop", TUNE); // wants tunes, not moods
        pep.events().resourceAvailable("bob@example.test/laptop");
        world.online("carol@example.test/pc", TUNE, MOOD); // does not receive alice's presence
        pep.events().resourceAvailable("carol@example.test/pc");

        List<Packet> sent = out.all();
        assertEquals(List.of("bob@example.test/laptop"), to(sent));
        Message m = (Message) sent.get(0);
        assertEquals(ALICE, m.getFrom().toString());
        assertEquals(TUNE, m.getChildElement("event", "http://jabber.org/protocol/pubsub#event").element("items")
                .attributeValue("node"));
        assertNotNull(m.getChildElement("delay", "urn:xmpp:delay"), "XEP-0203 stamp on a re-sent item");
    }

    @Test
    void theOwnersOwnResourceGetsItsOwnLastItemsIncludingWhitelistedOnes() {
        Pep pep = pep(new InMemoryStore());
        pep.iqHandler().handle(publish(ALICE + "/phone", TUNE, "t1", "tune"));
        world.online(ALICE + "/desk", TUNE);
        pep.events().resourceAvailable(ALICE + "/desk");
        assertEquals(List.of(ALICE + "/desk"), to(out.all()));
    }

    @Test
    void anExplicitSubscriberWithoutNotifyStillGetsTheLastItemOnPresence() {
        world.friends(ALICE, "bob@example.test");
        PepServices services = new PepServices(new PepNodeStores(new InMemoryStore()),
                ServiceSettings.pep(100, 65536, 100), world, world, clock);
        PubSubService alice = services.service(ALICE);
        alice.publish(ALICE, TUNE, "t1", Payload.of("<tune xmlns='" + TUNE + "'/>", TUNE), null);
        alice.subscribe("bob@example.test/laptop", TUNE, "bob@example.test/laptop", null);
        new PepPresence(services, world, world, out).resourceAvailable("bob@example.test/laptop");
        assertEquals(List.of("bob@example.test/laptop"), to(out.all()));
    }

    @Test
    void itemsSurviveARestartAndStayApartFromTheGenericService(@TempDir Path dir) {
        Store first = FileStore.open(dir, "pubsub", 1);
        StoreNodeStore generic = new StoreNodeStore(first);
        PubSubService genericService = new PubSubService(generic, ServiceSettings.defaults(), b -> true,
                () -> "g", clock);
        genericService.publish(ALICE, TUNE, "generic", Payload.of("<tune xmlns='" + TUNE + "'/>", TUNE), null);
        Pep pep = pep(first);
        pep.iqHandler().handle(publish(ALICE + "/phone", TUNE, "t1", "tune"));
        first.close();

        Store second = FileStore.open(dir, "pubsub", 1);
        try {
            PepServices services = new PepServices(new PepNodeStores(second),
                    ServiceSettings.pep(100, 65536, 100), world, world, clock);
            assertEquals(List.of("t1"), services.service(ALICE).items(ALICE, TUNE, ItemQuery.all()).items()
                    .stream().map(i -> i.id()).toList());
            assertEquals(Set.of("generic"), Set.copyOf(new PubSubService(new StoreNodeStore(second),
                    ServiceSettings.defaults(), b -> true, () -> "g", clock).items(ALICE, TUNE, ItemQuery.all())
                    .items().stream().map(i -> i.id()).toList()));
        } finally {
            second.close();
        }
    }

    @Test
    void everyChangeTheOwnerMakesAsksForTheOwnersRosterToBeReadAgainButReadsAndOthersDoNot() {
        world.friends(ALICE, "bob@example.test");
        Pep pep = pep(new InMemoryStore());
        pep.iqHandler().handle(publish(ALICE + "/phone", TUNE, "t1", "tune"));
        assertEquals(List.of(ALICE), world.refreshed, "XEP-0163 §4.3.2: the audience is who receives presence now");
        IQ get = new IQ(IQ.Type.get, "g1");
        get.setFrom(ALICE + "/phone");
        get.setTo(ALICE);
        get.setChildElement("pubsub", "http://jabber.org/protocol/pubsub").addElement("items")
                .addAttribute("node", TUNE);
        pep.iqHandler().handle(get);
        pep.iqHandler().handle(publish("bob@example.test/laptop", TUNE, "t2", "tune"));
        assertEquals(List.of(ALICE), world.refreshed);
    }

    @Test
    void aContactThatNewlyReceivesTheOwnersPresenceGetsTheLastItemsItWantsAndMaySee() {
        Pep pep = pep(new InMemoryStore());
        pep.iqHandler().handle(publish(ALICE + "/phone", TUNE, "t1", "tune"));
        pep.iqHandler().handle(publish(ALICE + "/phone", MOOD, "m1", "mood"));
        held.forEach(Runnable::run);
        assertEquals(0, out.count(), "no contact yet");

        world.online("bob@example.test/laptop", TUNE).online("bob@example.test/phone")
                .online("carol@example.test/pc", TUNE, MOOD);
        world.friends(ALICE, "bob@example.test"); // the re-read roster shows the new subscription
        pep.events().contactsGained(ALICE, Set.of("bob@example.test", "carol@example.test"));

        List<Packet> sent = out.all();
        assertEquals(List.of("bob@example.test/laptop"), to(sent),
                "bob's laptop wants tunes; his phone nothing; carol is not in alice's roster");
        Message m = (Message) sent.get(0);
        assertEquals(ALICE, m.getFrom().toString());
        assertEquals("t1", m.getChildElement("event", "http://jabber.org/protocol/pubsub#event").element("items")
                .element("item").attributeValue("id"));
    }

    @Test
    void aResourceWhoseRosterDisagreesWithItsContactsAsksForTheContactsRosterAgain() {
        world.roster("bob@example.test", ALICE, "both").roster(ALICE, "bob@example.test", "none")
                .roster("bob@example.test", "carol@example.test", "both")
                .roster("carol@example.test", "bob@example.test", "both");
        Pep pep = pep(new InMemoryStore());
        world.online("bob@example.test/laptop", TUNE);
        pep.events().resourceAvailable("bob@example.test/laptop");
        assertEquals(List.of(ALICE), world.refreshed, "alice's cached roster predates the subscription");
    }
}
