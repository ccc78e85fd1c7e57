package org.xcs.pubsub.pep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xcs.common.store.InMemoryStore;
import org.xcs.pubsub.service.AccessModel;
import org.xcs.pubsub.service.Item;
import org.xcs.pubsub.service.ItemQuery;
import org.xcs.pubsub.service.NodeConfig;
import org.xcs.pubsub.service.Notification;
import org.xcs.pubsub.service.Outcome;
import org.xcs.pubsub.service.Payload;
import org.xcs.pubsub.service.PubSubError;
import org.xcs.pubsub.service.PubSubException;
import org.xcs.pubsub.service.PubSubService;
import org.xcs.pubsub.service.PublishOptions;
import org.xcs.pubsub.service.SendLastPublishedItem;
import org.xcs.pubsub.service.ServiceSettings;
import org.xcs.pubsub.store.PepNodeStores;

/** XEP-0163 on the core: a service per account, PEP defaults, publish-options, §4.5 access through the roster. */
class PepServiceTest {
    static final String ALICE = "alice@example.test";
    static final String TUNE = "http://jabber.org/protocol/tune";

    final World world = new World();
    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    final PepServices services = new PepServices(new PepNodeStores(new InMemoryStore()),
            ServiceSettings.pep(Pep.MAX_ITEMS_LIMIT, Pep.MAX_PAYLOAD_BYTES, Pep.ITEMS_PAGE_CAP), world, world, clock);
    final PubSubService alice = services.service(ALICE);

    static Payload tune(String title) {
        return Payload.of("<tune xmlns='http://jabber.org/protocol/tune'><title>" + title + "</title></tune>", TUNE);
    }

    static PublishOptions options(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], List.of(pairs[i + 1]));
        }
        return new PublishOptions(m);
    }

    static void assertError(PubSubError expected, Executable call) {
        PubSubException e = assertThrows(PubSubException.class, call);
        assertEquals(expected, e.error(), e.getMessage());
    }

    List<String> ids(String reader) {
        return alice.items(reader, TUNE, ItemQuery.all()).items().stream().map(Item::id).toList();
    }

    @Test
    void publishAutoCreatesTheNodeWithThePepDefaults() {
        alice.publish(ALICE + "/phone", TUNE, "t1", tune("One"), null);
        NodeConfig c = alice.configuration(ALICE, TUNE);
        assertEquals(AccessModel.PRESENCE, c.accessModel()); // XEP-0163 §3 default
        assertEquals(1, c.maxItems());
        assertEquals(SendLastPublishedItem.ON_SUB_AND_PRESENCE, c.sendLastPublishedItem());
        assertTrue(c.deliverNotifications());
        assertTrue(c.persistItems());
    }

    @Test
    void aNodeKeepsOnlyTheLastItemByDefault() {
        alice.publish(ALICE + "/phone", TUNE, "t1", tune("One"), null);
        alice.publish(ALICE + "/phone", TUNE, "t2", tune("Two"), null);
        assertEquals(List.of("t2"), ids(ALICE));
    }

    @Test
    void onlyTheOwnerPublishesEvenToAContactsService() {
        world.friends(ALICE, "bob@example.test");
        assertError(PubSubError.FORBIDDEN, () -> alice.publish("bob@example.test/x", TUNE, "b", tune("B"), null));
        alice.publish(ALICE + "/phone", TUNE, "t1", tune("One"), null);
        assertError(PubSubError.FORBIDDEN, () -> alice.publish("bob@example.test/x", TUNE, "b", tune("B"), null));
        assertEquals(List.of("t1"), ids(ALICE));
    }

    @Test
    void publishOptionsBecomeTheConfigurationOfTheAutoCreatedNode() {
        alice.publish(ALICE, "urn:xmpp:bookmarks:1", "room@muc.example.test",
                Payload.of("<conference xmlns='urn:xmpp:bookmarks:1'/>", "urn:xmpp:bookmarks:1"),
                options("pubsub#persist_items", "true", "pubsub#access_model", "whitelist",
                        "pubsub#max_items", "max", "pubsub#send_last_published_item", "never"));
        NodeConfig c = alice.configuration(ALICE, "urn:xmpp:bookmarks:1");
        assertEquals(AccessModel.WHITELIST, c.accessModel());
        assertEquals(NodeConfig.UNLIMITED, c.maxItems());
        assertEquals(SendLastPublishedItem.NEVER, c.sendLastPublishedItem());
    }

    @ParameterizedTest(name = "{0}={2} on a node with {0}={1} is precondition-not-met")
    @CsvSource({
            "pubsub#persist_items, true, false",
            "pubsub#access_model, open, presence",
            "pubsub#max_items, max, 1",
            "pubsub#send_last_published_item, never, on_sub_and_presence"})
    void eachPublishOptionIsAPreconditionOnAnExistingNode(String var, String created, String asked) {
        alice.publish(ALICE, TUNE, "t1", tune("One"), options(var, created));
        alice.publish(ALICE, TUNE, "t2", tune("Two"), options(var, created)); // met: accepted
        assertError(PubSubError.PRECONDITION_NOT_MET,
                () -> alice.publish(ALICE, TUNE, "t3", tune("Three"), options(var, asked)));
        assertFalse(ids(ALICE).contains("t3"));
    }

    @ParameterizedTest(name = "presence access: contact with subscription {0} may retrieve: {1}")
    @CsvSource({"from, true", "both, true", "to, false", "none, false"})
    void presenceAccessFollowsTheOwnersRoster(String subscription, boolean allowed) {
        world.roster(ALICE, "bob@example.test", subscription);
        alice.publish(ALICE, TUNE, "t1", tune("One"), null);
        if (allowed) {
            assertEquals(List.of("t1"), ids("bob@example.test/x"));
            assertEquals("bob@example.test/x",
                    alice.subscribe("bob@example.test/x", TUNE, "bob@example.test/x", null).value().jid());
        } else {
            assertError(PubSubError.PRESENCE_SUBSCRIPTION_REQUIRED, () -> ids("bob@example.test/x"));
            assertError(PubSubError.PRESENCE_SUBSCRIPTION_REQUIRED,
                    () -> alice.subscribe("bob@example.test/x", TUNE, "bob@example.test/x", null));
        }
    }

    @Test
    void aStrangerIsRefusedByPresenceAccess() {
        alice.publish(ALICE, TUNE, "t1", tune("One"), null);
        assertError(PubSubError.PRESENCE_SUBSCRIPTION_REQUIRED, () -> ids("eve@elsewhere.test/x"));
    }

    @Test
    void rosterAccessLetsInOnlyTheAllowedGroups() {
        world.roster(ALICE, "bob@example.test", "both", "Family")
                .roster(ALICE, "carol@example.test", "both", "Work");
        alice.publish(ALICE, TUNE, "t1", tune("One"), null);
        alice.configure(ALICE, TUNE, Map.of("pubsub#access_model", List.of("roster"),
                "pubsub#roster_groups_allowed", List.of("Family", "Friends")));
        assertEquals(List.of("t1"), ids("bob@example.test/x"));
        assertError(PubSubError.NOT_IN_ROSTER_GROUP, () -> ids("carol@example.test/x"));
        assertError(PubSubError.NOT_IN_ROSTER_GROUP, () -> ids("eve@elsewhere.test/x"));
    }

    @Test
    void whitelistKeepsEvenContactsOutAndOpenLetsStrangersIn() {
        world.friends(ALICE, "bob@example.test");
        alice.publish(ALICE, "urn:xmpp:bookmarks:1", "r", Payload.of("<conference xmlns='urn:xmpp:bookmarks:1'/>",
                "urn:xmpp:bookmarks:1"), options("pubsub#access_model", "whitelist"));
        assertError(PubSubError.CLOSED_NODE,
                () -> alice.items("bob@example.test/x", "urn:xmpp:bookmarks:1", ItemQuery.all()));
        alice.publish(ALICE, TUNE, "t1", tune("One"), options("pubsub#access_model", "open"));
        assertEquals(List.of("t1"), ids("eve@elsewhere.test/x"));
    }

    @Test
    void servicesOfDifferentOwnersShareNothing() {
        alice.publish(ALICE, TUNE, "t1", tune("Alice's"), null);
        PubSubService bob = services.service("bob@example.test");
        assertFalse(bob.exists(TUNE));
        bob.publish("bob@example.test/x", TUNE, "t1", tune("Bob's"), null);
        assertEquals(List.of(TUNE), alice.childNodes(null));
        assertTrue(alice.items(ALICE, TUNE, ItemQuery.all()).items().get(0).payload().contains("Alice's"));
        assertEquals(1, alice.ownAffiliations(ALICE, null).size());
        assertEquals(0, alice.ownAffiliations("bob@example.test", null).size());
    }

    // ------------------------------------------------------------ notifications (XEP-0163 §4.3)

    @Test
    void publishNotifiesOwnerResourcesAndContactsThatWantNotifyEachOnce() {
        world.friends(ALICE, "bob@example.test")
                .roster(ALICE, "dave@example.test", "from")
                .roster(ALICE, "carol@example.test", "to")
                .online(ALICE + "/phone", TUNE).online(ALICE + "/desk")
                .online("bob@example.test/laptop", TUNE).online("bob@example.test/tv")
                .online("dave@example.test/pc", TUNE)
                .online("carol@example.test/pc", TUNE)
                .online("eve@elsewhere.test/x", TUNE);
        alice.publish(ALICE, TUNE, "t0", tune("Zero"), null);
        // bob also subscribes explicitly with the same full JID: still one message.
        alice.subscribe("bob@example.test/laptop", TUNE, "bob@example.test/laptop", null);
        Outcome<String> o = alice.publish(ALICE, TUNE, "t1", tune("One"), null);
        assertEquals(Set.of(ALICE + "/phone", "bob@example.test/laptop", "dave@example.test/pc"),
                Set.copyOf(recipients(o)));
        assertEquals(3, recipients(o).size());
    }

    @Test
    void aBareJidSubscriptionCoversThatContactsResources() {
        world.friends(ALICE, "bob@example.test").online("bob@example.test/laptop", TUNE);
        alice.publish(ALICE, TUNE, "t0", tune("Zero"), null);
        alice.subscribe("bob@example.test/laptop", TUNE, "bob@example.test", null);
        assertEquals(List.of("bob@example.test"), recipients(alice.publish(ALICE, TUNE, "t1", tune("One"), null)));
    }

    @Test
    void whitelistNodesNotifyOnlyTheOwnersResources() {
        world.friends(ALICE, "bob@example.test").online(ALICE + "/phone", "urn:xmpp:bookmarks:1")
                .online("bob@example.test/laptop", "urn:xmpp:bookmarks:1");
        Outcome<String> o = alice.publish(ALICE, "urn:xmpp:bookmarks:1", "r",
                Payload.of("<conference xmlns='urn:xmpp:bookmarks:1'/>", "urn:xmpp:bookmarks:1"),
                options("pubsub#access_model", "whitelist"));
        assertEquals(List.of(ALICE + "/phone"), recipients(o));
    }

    @Test
    void rosterNodesNotifyOnlyContactsInTheAllowedGroups() {
        world.roster(ALICE, "bob@example.test", "both", "Family").roster(ALICE, "carol@example.test", "both", "Work")
                .online("bob@example.test/a", TUNE).online("carol@example.test/b", TUNE);
        alice.publish(ALICE, TUNE, "t0", tune("Zero"), null);
        alice.configure(ALICE, TUNE, Map.of("pubsub#access_model", List.of("roster"),
                "pubsub#roster_groups_allowed", List.of("Family")));
        assertEquals(List.of("bob@example.test/a"), recipients(alice.publish(ALICE, TUNE, "t1", tune("One"), null)));
    }

    @Test
    void retractNotifiesTheSameAudience() {
        world.friends(ALICE, "bob@example.test").online("bob@example.test/a", TUNE);
        alice.publish(ALICE, TUNE, "t1", tune("One"), null);
        Outcome<Void> o = alice.retract(ALICE, TUNE, "t1", true);
        assertEquals(List.of("bob@example.test/a"), recipients(o));
        assertNotNull(o.notifications().get(0).event());
    }

    static List<String> recipients(Outcome<?> o) {
        return o.notifications().stream().map(Notification::recipient).toList();
    }
}
