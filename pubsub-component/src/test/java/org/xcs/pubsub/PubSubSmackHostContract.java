package org.xcs.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.pubsub.AccessModel;
import org.jivesoftware.smackx.pubsub.Affiliation;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.ItemPublishEvent;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.NodeExtension;
import org.jivesoftware.smackx.pubsub.PubSubElementType;
import org.jivesoftware.smackx.pubsub.PublishItem;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jivesoftware.smackx.pubsub.Subscription;
import org.jivesoftware.smackx.pubsub.form.ConfigureForm;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.pubsub.form.FillableConfigureForm;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jivesoftware.smackx.pubsub.packet.PubSubNamespace;
import org.junit.jupiter.api.Test;
import org.xcs.common.harness.HostedComponentContract;
import org.xcs.common.harness.SmackClients;
import org.xcs.common.harness.TestHost;

/**
 * XEP-0060 through a real host with Smack's PubSubManager, the component running as a real process: create,
 * subscribe, publish, get the event; and a node comes back whole after a SIGTERM and keeps every acknowledged item
 * after a {@code kill -9} in the middle of a burst of publishes (issue 4, "Done when").
 */
abstract class PubSubSmackHostContract extends HostedComponentContract {
    static final String DOMAIN = "example.test";
    static final String COMPONENT = "pubsub." + DOMAIN;
    private static final String SECRET = "s3cret-pubsub";

    private static final long WAIT_MS = SmackClients.REPLY_TIMEOUT.toMillis();

    PubSubSmackHostContract() {
        super(COMPONENT, SECRET, Main.class, List.of("alice", "bob"));
    }

    protected abstract TestHost newHost(String component, String secret);

    @Override
    protected TestHost createHost() {
        return newHost(COMPONENT, SECRET);
    }

    @Test
    void aSubscriberReceivesTheItemPublishedThroughTheHost() throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw");
            XMPPConnection bob = clients.login("bob", "bob-pw");
            PubSubManager alicePubSub = pubSub(alice);
            PubSubManager bobPubSub = pubSub(bob);

            LeafNode created = alicePubSub.createNode("news");
            LeafNode subscribed = bobPubSub.getLeafNode("news");
            BlockingQueue<ItemPublishEvent<Item>> events = new ArrayBlockingQueue<>(4);
            subscribed.addItemEventListener(events::offer);
            subscribed.subscribe(bob.getUser().asEntityBareJid());

            created.publish(new PayloadItem<>("first",
                    new SimplePayload("<entry xmlns='http://www.w3.org/2005/Atom'><title>Hello</title></entry>")));

            ItemPublishEvent<Item> event = events.poll(15, TimeUnit.SECONDS);
            assertTrue(event != null, "no event reached bob; component log:\n" + component.output());
            assertEquals("news", event.getNodeId());
            assertEquals("first", event.getItems().get(0).getId());
            assertTrue(event.getItems().get(0).toXML().toString().contains(">Hello</title>"),
                    event.getItems().get(0).toXML().toString());
            assertEquals(1, subscribed.getItems().size());
        }
    }

    // Issue 4: a restart keeps node, configuration, affiliations, subscriptions and items (XEP-0060 §4.5, persistent
    // nodes; pubsub#persist_items).
    @Test
    void aNodeSurvivesSigtermWithConfigurationAffiliationsSubscriptionsAndItems() throws Exception {
        List<String> nodes = List.of("journal", "ledger");
        for (String node : nodes) {
            try (SmackClients clients = new SmackClients(host)) {
                furnishNode(clients, node);
            }
        }
        component.terminate();
        assertEquals(0, component.awaitExit(ATTACH_TIMEOUT), "SIGTERM did not end with exit 0:\n" + component.output());
        component = startComponent();

        for (String node : nodes) {
            assertNodeIntact(node, Set.of("one", "two", "three"));
        }
    }

    // Issue 4: a kill -9 in the middle of a burst of publishes loses no item whose IQ result was received
    // (XEP-0060 §7.1.2: the result says the item was published).
    @Test
    void aKillMinus9DuringABurstOfPublishesLosesNoAcknowledgedItem() throws Exception {
        String node = "bunker";
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (SmackClients clients = new SmackClients(host)) {
            LeafNode leaf = furnishNode(clients, node);
            acknowledged.addAll(List.of("one", "two", "three"));
            // 30 publishes in a row, each waited for: every one was committed when its result came.
            for (int i = 1; i <= 30; i++) {
                leaf.publish(item("w" + i));
                acknowledged.add("w" + i);
            }
            // Then a pipelined burst, killed as soon as its first result arrives: items in flight may or may not be
            // kept, but none acknowledged may be lost.
            XMPPConnection alice = clients.login("alice", "alice-pw", "burst");
            CountDownLatch firstOfBurst = new CountDownLatch(1);
            for (int i = 1; i <= 100; i++) {
                String id = "b" + i;
                PubSub publish = PubSub.createPubsubPacket(SmackClients.jid(COMPONENT), IQ.Type.set,
                        new PublishItem<>(node, item(id)));
                alice.sendIqRequestAsync(publish, WAIT_MS).onSuccess(result -> {
                    acknowledged.add(id);
                    firstOfBurst.countDown();
                });
            }
            assertTrue(firstOfBurst.await(WAIT_MS, TimeUnit.MILLISECONDS), "no result for the burst:\n"
                    + component.output());
            component.kill();
        }
        Set<String> ackedBurst = acknowledged.stream().filter(id -> id.startsWith("b")).collect(Collectors.toSet());
        assertTrue(!ackedBurst.isEmpty(), "the burst was not acknowledged at all");
        component = startComponent();

        Set<String> kept = assertNodeIntact(node, Set.copyOf(acknowledged));
        System.out.printf("kill -9 on %s: %d of 100 burst publishes acknowledged, %d kept%n",
                host.getClass().getSimpleName(), ackedBurst.size(),
                kept.stream().filter(id -> id.startsWith("b")).count());
    }

    /**
     * alice creates {@code node} titled after itself, max_items 500, whitelist access, with bob as publisher and
     * subscriber, and publishes items one, two, three; returns alice's node.
     */
    private LeafNode furnishNode(SmackClients clients, String node) throws Exception {
        XMPPConnection alice = clients.login("alice", "alice-pw");
        XMPPConnection bob = clients.login("bob", "bob-pw");
        LeafNode leaf = pubSub(alice).createNode(node);
        FillableConfigureForm form = leaf.getNodeConfiguration().getFillableForm();
        form.setTitle("Title of " + node);
        form.setMaxItems(500);
        form.setAccessModel(AccessModel.whitelist);
        leaf.sendConfigurationForm(form);
        leaf.modifyAffiliationAsOwner(List.of(
                new Affiliation(bob.getUser().asBareJid(), Affiliation.Type.publisher)));
        pubSub(bob).getLeafNode(node).subscribe(bob.getUser().asEntityBareJid());
        for (String id : List.of("one", "two", "three")) {
            try {
                leaf.publish(item(id));
            } catch (XMPPException.XMPPErrorException e) {
                throw new AssertionError("publish of " + id + " to " + node + " refused; component log:\n"
                        + component.output(), e);
            }
        }
        return leaf;
    }

    /** Checks through Smack what {@link #furnishNode} set up, and that every id of {@code items} is there. */
    private Set<String> assertNodeIntact(String node, Set<String> items) throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw");
            XMPPConnection bob = clients.login("bob", "bob-pw");
            LeafNode leaf = pubSub(alice).getLeafNode(node);
            ConfigureForm config = leaf.getNodeConfiguration();
            assertEquals("Title of " + node, value(config, "pubsub#title"));
            assertEquals("500", value(config, "pubsub#max_items"));
            assertEquals("whitelist", value(config, "pubsub#access_model"));
            assertEquals(Set.of(alice.getUser().asBareJid() + "=owner", bob.getUser().asBareJid() + "=publisher"),
                    ownerAffiliations(alice, node));
            List<Subscription> subscriptions = leaf.getSubscriptionsAsOwner();
            assertEquals(1, subscriptions.size(), subscriptions.toString());
            assertEquals(bob.getUser().asBareJid(), subscriptions.get(0).getJid().asBareJid());
            assertEquals(Subscription.State.subscribed, subscriptions.get(0).getState());
            // bob, a publisher on a whitelist node, reads the items: his affiliation came back too.
            Set<String> kept = pubSub(bob).getLeafNode(node).getItems().stream().map(Item::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> lost = new TreeSet<>(items);
            lost.removeAll(kept);
            assertTrue(lost.isEmpty(), "acknowledged items lost: " + lost + "; kept " + kept);
            return kept;
        }
    }

    /** The field's values as text: Smack's typed getters (getTitle...) answer null for fields typed text-single. */
    private static String value(ConfigureForm form, String var) {
        FormField field = form.getDataForm().getField(var);
        assertTrue(field != null, var + " missing from " + form.getDataForm().toXML());
        return field.getValues().stream().map(CharSequence::toString).collect(Collectors.joining(","));
    }

    /**
     * XEP-0060 §8.9.1 as jid=affiliation. Raw, because Smack 4.5.0-beta5 has no provider for the owner namespace's
     * affiliations element (its getAffiliationsAsOwner fails with a ClassCastException).
     */
    private static Set<String> ownerAffiliations(XMPPConnection owner, String node) throws Exception {
        PubSub query = new PubSub(SmackClients.jid(COMPONENT), IQ.Type.get, PubSubNamespace.owner);
        query.addExtension(new NodeExtension(PubSubElementType.AFFILIATIONS_OWNER, node));
        PubSub answer = owner.sendIqRequestAndWaitForResponse(query);
        StandardExtensionElement list = (StandardExtensionElement) answer.getExtensionElement("affiliations",
                PubSubNamespace.owner.getXmlns());
        return list.getElements("affiliation").stream()
                .map(a -> a.getAttributeValue("jid") + "=" + a.getAttributeValue("affiliation"))
                .collect(Collectors.toSet());
    }

    private static PayloadItem<SimplePayload> item(String id) {
        return new PayloadItem<>(id, new SimplePayload(
                "<entry xmlns='http://www.w3.org/2005/Atom'><title>" + id + "</title></entry>"));
    }

    private static PubSubManager pubSub(XMPPConnection connection) {
        return PubSubManager.getInstanceFor(connection, SmackClients.jid(COMPONENT).asDomainBareJid());
    }
}
