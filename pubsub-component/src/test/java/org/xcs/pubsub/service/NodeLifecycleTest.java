package org.xcs.pubsub.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.pubsub.service.Fixture.ALICE;
import static org.xcs.pubsub.service.Fixture.BOB;
import static org.xcs.pubsub.service.Fixture.OUTSIDER;
import static org.xcs.pubsub.service.Fixture.OWNER;
import static org.xcs.pubsub.service.Fixture.assertError;
import static org.xcs.pubsub.service.Fixture.entry;
import static org.xcs.pubsub.service.Fixture.form;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xcs.common.store.InMemoryStore;
import org.xcs.pubsub.store.StoreNodeStore;

/** XEP-0060 §8.1-§8.5: create, configure, default configuration, delete, purge. */
class NodeLifecycleTest {

    private final Fixture f = new Fixture();
    private final PubSubService service = f.service;

    @Test
    void createWithDefaultConfigurationMakesTheCreatorOwner() {
        Outcome<String> created = service.createNode(OWNER, "princely_musings", null);
        assertEquals("princely_musings", created.value());
        assertEquals(List.of(new AffiliationEntry("princely_musings", "owner@example.test", Affiliation.OWNER)),
                service.ownAffiliations(OWNER, null));
        assertEquals(service.defaultConfig(NodeType.LEAF), service.configuration(OWNER, "princely_musings"));
    }

    @Test
    void instantNodeGetsAGeneratedUniqueId() {
        String first = service.createNode(OWNER, null, null).value();
        String second = service.createNode(OWNER, null, null).value();
        assertNotNull(first);
        assertFalse(first.equals(second));
        assertTrue(service.exists(first) && service.exists(second));
    }

    @Test
    void instantNodeIdSkipsIdsAlreadyTaken() {
        service.createNode(OWNER, "id-1", null);
        String instant = service.createNode(OWNER, null, null).value();
        assertFalse("id-1".equals(instant));
    }

    @Test
    void createExistingNodeIsAConflict() {
        f.leaf("n");
        assertError(PubSubError.NODE_EXISTS, () -> service.createNode(ALICE, "n", null));
    }

    @Test
    void createAndConfigureAppliesTheSubmittedFields() {
        service.createNode(OWNER, "n", form("pubsub#access_model", "whitelist", "pubsub#max_items", "10",
                "pubsub#title", "Princely Musings", "pubsub#notification_type", "normal"));
        NodeConfig c = service.configuration(OWNER, "n");
        assertEquals(AccessModel.WHITELIST, c.accessModel());
        assertEquals(10, c.maxItems());
        assertEquals("Princely Musings", c.title());
        assertEquals(NotificationType.NORMAL, c.notificationType());
    }

    @Test
    void creationPolicyHostUsersRefusesOtherDomainsWithForbidden() {
        assertError(PubSubError.FORBIDDEN, () -> service.createNode(OUTSIDER, "n", null));
        assertFalse(service.exists("n"));
    }

    @Test
    void creationPolicyListedAndAdminsOnly() {
        StoreNodeStore nodes = new StoreNodeStore(new InMemoryStore());
        ServiceSettings settings = ServiceSettings.defaults().withAdmins(Set.of("admin@example.test"));
        PubSubService listed = new PubSubService(nodes, settings, CreationPolicy.listed(Set.of("alice@example.test")),
                IdGenerator.random(), f.clock);
        listed.createNode(ALICE, "a", null);
        assertError(PubSubError.FORBIDDEN, () -> listed.createNode(BOB, "b", null));
        PubSubService adminsOnly = new PubSubService(nodes, settings, CreationPolicy.adminsOnly(),
                IdGenerator.random(), f.clock);
        assertError(PubSubError.FORBIDDEN, () -> adminsOnly.createNode(ALICE, "c", null));
        adminsOnly.createNode("admin@example.test/console", "c", null);
        assertTrue(adminsOnly.exists("c"));
    }

    @Test
    void presenceAndRosterAccessModelsAreRefusedAsUnsupportedUntilTheHostRosterIsAvailable() {
        assertError(PubSubError.UNSUPPORTED_ACCESS_PRESENCE,
                () -> service.createNode(OWNER, "n", form("pubsub#access_model", "presence")));
        f.leaf("m");
        assertError(PubSubError.UNSUPPORTED_ACCESS_ROSTER,
                () -> service.configure(OWNER, "m", form("pubsub#access_model", "roster")));
        assertEquals(AccessModel.OPEN, service.configuration(OWNER, "m").accessModel());
        assertFalse(service.exists("n"));
    }

    @Test
    void unsupportedAccessErrorsNameTheFeature() {
        assertEquals("access-presence", PubSubError.UNSUPPORTED_ACCESS_PRESENCE.feature());
        assertEquals("unsupported", PubSubError.UNSUPPORTED_ACCESS_ROSTER.applicationCondition());
        assertEquals("feature-not-implemented", PubSubError.UNSUPPORTED_ACCESS_ROSTER.condition());
    }

    @Test
    void configureByANonOwnerIsForbidden() {
        f.leaf("n");
        assertError(PubSubError.FORBIDDEN, () -> service.configure(ALICE, "n", form("pubsub#title", "x")));
        assertError(PubSubError.FORBIDDEN, () -> service.configuration(ALICE, "n"));
    }

    @Test
    void configureWithoutNodeIdIsNodeIdRequired() {
        assertError(PubSubError.NODEID_REQUIRED, () -> service.configure(OWNER, null, form("pubsub#title", "x")));
        assertError(PubSubError.NODE_NOT_FOUND, () -> service.configure(OWNER, "absent", form("pubsub#title", "x")));
    }

    @Test
    void invalidConfigurationValuesAreNotAcceptableAndChangeNothing() {
        f.leaf("n");
        assertError(PubSubError.INVALID_CONFIG, () -> service.configure(OWNER, "n",
                form("pubsub#title", "changed", "pubsub#max_items", "many")));
        assertError(PubSubError.INVALID_CONFIG, () -> service.configure(OWNER, "n", form("pubsub#bogus", "1")));
        assertError(PubSubError.INVALID_CONFIG, () -> service.configure(OWNER, "n",
                form("pubsub#max_items", "999999999")));
        assertEquals("", service.configuration(OWNER, "n").title());
    }

    @Test
    void maxItemsAcceptsMax() {
        f.leaf("n", "pubsub#max_items", "max");
        assertEquals(NodeConfig.UNLIMITED, service.configuration(OWNER, "n").maxItems());
        assertEquals(List.of("max"), NodeConfigFields.toFields(service.configuration(OWNER, "n"))
                .get("pubsub#max_items"));
    }

    @Test
    void configurationNotificationCarriesTheFormOnlyWhenPayloadsAreDelivered() {
        f.leaf("n", "pubsub#notify_config", "1");
        service.subscribe(ALICE, "n", ALICE, null);
        Outcome<NodeConfig> withForm = service.configure(OWNER, "n", form("pubsub#title", "New"));
        Event.Configuration e = (Event.Configuration) withForm.notifications().get(0).event();
        assertEquals(List.of("New"), e.fields().get("pubsub#title"));
        Outcome<NodeConfig> without = service.configure(OWNER, "n", form("pubsub#deliver_payloads", "0"));
        assertNull(((Event.Configuration) without.notifications().get(0).event()).fields());
        Outcome<NodeConfig> quiet = service.configure(OWNER, "n", form("pubsub#notify_config", "0"));
        assertTrue(quiet.notifications().isEmpty());
    }

    @Test
    void loweringMaxItemsTrimsTheOldestItems() {
        f.leaf("n");
        for (int i = 0; i < 5; i++) {
            service.publish(OWNER, "n", "i" + i, entry("" + i), null);
        }
        service.configure(OWNER, "n", form("pubsub#max_items", "2"));
        assertEquals(List.of("i3", "i4"),
                service.items(OWNER, "n", ItemQuery.all()).items().stream().map(Item::id).toList());
    }

    @Test
    void switchingToWhitelistDropsSubscriptionsOfNonMembersAndTellsThem() {
        f.leaf("n");
        service.subscribe(ALICE, "n", ALICE, null);
        service.modifyAffiliations(OWNER, "n", List.of(new AffiliationEntry("n", "bob@example.test",
                Affiliation.MEMBER)));
        service.subscribe(BOB, "n", BOB, null);
        Outcome<NodeConfig> o = service.configure(OWNER, "n", form("pubsub#access_model", "whitelist"));
        assertEquals(List.of(ALICE), o.notifications().stream().map(Notification::recipient).toList());
        assertEquals(SubscriptionState.NONE,
                ((Event.SubscriptionChanged) o.notifications().get(0).event()).state());
        assertTrue(service.ownSubscriptions(ALICE, "n").isEmpty());
        assertEquals(1, service.ownSubscriptions(BOB, "n").size());
    }

    @Test
    void defaultConfigurationOfEachNodeType() {
        assertEquals(NodeType.COLLECTION, service.defaultConfig(NodeType.COLLECTION).nodeType());
        NodeConfig leaf = service.defaultConfig(NodeType.LEAF);
        assertEquals(AccessModel.OPEN, leaf.accessModel());
        assertEquals(SendLastPublishedItem.ON_SUB_AND_PRESENCE, leaf.sendLastPublishedItem());
        assertTrue(leaf.persistItems() && leaf.deliverPayloads());
    }

    @Test
    void deleteNotifiesAllSubscribersIncludingPendingWithTheRedirect() {
        f.leaf("n", "pubsub#access_model", "authorize");
        service.modifyAffiliations(OWNER, "n", List.of(new AffiliationEntry("n", "bob@example.test",
                Affiliation.MEMBER)));
        service.subscribe(BOB, "n", BOB, null);      // member: subscribed at once
        service.subscribe(ALICE, "n", ALICE, null);  // pending
        Outcome<Void> o = service.deleteNode(OWNER, "n", "xmpp:pubsub.example.test?;node=other");
        assertEquals(Set.of(ALICE, BOB), Set.copyOf(Fixture.recipients(o)));
        Event.Delete e = assertInstanceOf(Event.Delete.class, o.notifications().get(0).event());
        assertEquals("xmpp:pubsub.example.test?;node=other", e.redirect());
        assertFalse(service.exists("n"));
        assertTrue(service.ownSubscriptions(ALICE, null).isEmpty());
        assertTrue(service.ownAffiliations(OWNER, null).isEmpty());
    }

    @Test
    void deleteWithoutNotifyDeleteSendsNothing() {
        f.leaf("n", "pubsub#notify_delete", "0");
        service.subscribe(ALICE, "n", ALICE, null);
        assertTrue(service.deleteNode(OWNER, "n", null).notifications().isEmpty());
    }

    @Test
    void deleteByNonOwnerIsForbiddenAndOfAMissingNodeIsItemNotFound() {
        f.leaf("n");
        assertError(PubSubError.FORBIDDEN, () -> service.deleteNode(ALICE, "n", null));
        assertError(PubSubError.NODE_NOT_FOUND, () -> service.deleteNode(OWNER, "absent", null));
        assertTrue(service.exists("n"));
    }

    @Test
    void purgeRemovesAllItemsWithOnePurgeNotificationPerSubscriber() {
        f.leaf("n");
        service.subscribe(ALICE, "n", ALICE, null);
        for (int i = 0; i < 3; i++) {
            service.publish(OWNER, "n", null, entry("" + i), null);
        }
        Outcome<Void> o = service.purge(OWNER, "n");
        assertEquals(1, o.notifications().size());
        assertInstanceOf(Event.Purge.class, o.notifications().get(0).event());
        assertEquals(0, service.items(OWNER, "n", ItemQuery.all()).count());
    }

    @Test
    void purgeOfATransientNodeIsUnsupportedPersistentItemsAndByAMemberIsForbidden() {
        f.leaf("t", "pubsub#persist_items", "0");
        assertError(PubSubError.UNSUPPORTED_PERSISTENT_ITEMS, () -> service.purge(OWNER, "t"));
        f.leaf("n");
        assertError(PubSubError.FORBIDDEN, () -> service.purge(ALICE, "n"));
    }
}
