package org.xcs.pubsub.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.Test;

/** XEP-0060 §7.1 publish and §7.2 retract. */
class PublishTest {

    private final Fixture f = new Fixture();
    private final PubSubService service = f.service;

    private List<String> itemIds(String node) {
        return service.items(OWNER, node, ItemQuery.all()).items().stream().map(Item::id).toList();
    }

    @Test
    void publishWithoutItemIdGeneratesAUniqueId() {
        f.leaf("n");
        String a = service.publish(OWNER, "n", null, entry("a"), null).value();
        String b = service.publish(OWNER, "n", null, entry("b"), null).value();
        assertNotNull(a);
        assertNotEquals(a, b);
        assertEquals(List.of(a, b), itemIds("n"));
    }

    @Test
    void generatedItemIdNeverOverwritesAnExistingItem() {
        f.leaf("n");
        service.publish(OWNER, "n", "id-1", entry("explicit"), null);
        String generated = service.publish(OWNER, "n", null, entry("generated"), null).value();
        assertNotEquals("id-1", generated);
        assertEquals(2, service.items(OWNER, "n", ItemQuery.all()).count());
    }

    @Test
    void publishWithAnExistingIdReplacesTheItemAndMakesItTheNewest() {
        f.leaf("n");
        service.publish(OWNER, "n", "a", entry("1"), null);
        service.publish(OWNER, "n", "b", entry("2"), null);
        service.publish(OWNER, "n", "a", entry("3"), null);
        assertEquals(List.of("b", "a"), itemIds("n"));
        assertTrue(service.items(OWNER, "n", ItemQuery.ids(List.of("a"))).items().get(0).payload().contains("3"));
    }

    @Test
    void subscribersGetTheItemWithItsPayloadAndPublisher() {
        f.leaf("n");
        service.subscribe(ALICE, "n", ALICE, null);
        Outcome<String> o = service.publish(OWNER, "n", "i", entry("hello"), null);
        assertEquals(1, o.notifications().size());
        Notification n = o.notifications().get(0);
        assertEquals(ALICE, n.recipient());
        assertEquals(NotificationType.HEADLINE, n.type());
        assertNull(n.collection());
        Event.Items items = assertInstanceOf(Event.Items.class, n.event());
        assertEquals("n", items.node());
        assertEquals(OWNER, items.items().get(0).publisher());
        assertTrue(items.items().get(0).payload().contains("hello"));
    }

    @Test
    void notificationOnlyNodeSendsItemsWithoutPayload() {
        f.leaf("n", "pubsub#deliver_payloads", "0");
        service.subscribe(ALICE, "n", ALICE, null);
        Outcome<String> o = service.publish(OWNER, "n", "i", entry("secret"), null);
        Event.Items items = (Event.Items) o.notifications().get(0).event();
        assertNull(items.items().get(0).payload());
        assertEquals("i", items.items().get(0).id());
    }

    @Test
    void notificationTypeNormalIsCarriedOnNotifications() {
        f.leaf("n", "pubsub#notification_type", "normal");
        service.subscribe(ALICE, "n", ALICE, null);
        assertEquals(NotificationType.NORMAL,
                service.publish(OWNER, "n", null, entry("x"), null).notifications().get(0).type());
    }

    @Test
    void oneNotificationPerEntityCarriesAllItsSubids() {
        f.leaf("n");
        String s1 = service.subscribe(ALICE, "n", ALICE, null).value().subid();
        String s2 = service.subscribe(ALICE, "n", ALICE, null).value().subid();
        Outcome<String> o = service.publish(OWNER, "n", null, entry("x"), null);
        assertEquals(1, o.notifications().size());
        assertEquals(List.of(s1, s2), o.notifications().get(0).subids());
    }

    @Test
    void subscribersWhoTurnedDeliveryOffGetNothing() {
        f.leaf("n");
        service.subscribe(ALICE, "n", ALICE, form("pubsub#deliver", "0"));
        assertTrue(service.publish(OWNER, "n", null, entry("x"), null).notifications().isEmpty());
    }

    @Test
    void publishByANonPublisherIsForbidden() {
        f.leaf("n");
        assertError(PubSubError.FORBIDDEN, () -> service.publish(ALICE, "n", null, entry("x"), null));
        assertEquals(0, service.itemCount("n"));
    }

    @Test
    void publishModelOpenAndSubscribers() {
        f.leaf("open", "pubsub#publish_model", "open");
        service.publish(OUTSIDER, "open", null, entry("x"), null);
        f.leaf("subs", "pubsub#publish_model", "subscribers");
        assertError(PubSubError.FORBIDDEN, () -> service.publish(ALICE, "subs", null, entry("x"), null));
        service.subscribe(ALICE, "subs", ALICE, null);
        service.publish(ALICE, "subs", null, entry("x"), null);
        assertEquals(1, service.itemCount("subs"));
    }

    @Test
    void publishOnlyAffiliationMayPublish() {
        f.leaf("n");
        service.modifyAffiliations(OWNER, "n",
                List.of(new AffiliationEntry("n", "alice@example.test", Affiliation.PUBLISH_ONLY)));
        service.publish(ALICE, "n", "i", entry("x"), null);
        assertEquals(1, service.itemCount("n"));
    }

    @Test
    void publishToAMissingNodeAutoCreatesItWithThePublisherAsOwner() {
        service.publish(ALICE, "auto", "i", entry("x"), null);
        assertTrue(service.exists("auto"));
        assertEquals(Affiliation.OWNER, service.ownAffiliations(ALICE, "auto").get(0).affiliation());
    }

    @Test
    void withoutAutoCreatePublishToAMissingNodeIsItemNotFound() {
        Fixture strict = new Fixture(ServiceSettings.defaults().withAutoCreate(false));
        assertError(PubSubError.NODE_NOT_FOUND, () -> strict.service.publish(ALICE, "x", null, entry("x"), null));
    }

    @Test
    void autoCreateFollowsTheCreationPolicy() {
        assertError(PubSubError.FORBIDDEN, () -> service.publish(OUTSIDER, "x", null, entry("x"), null));
        assertFalse(service.exists("x"));
    }

    @Test
    void publishOptionsThatMatchTheConfigurationPublish() {
        f.leaf("n", "pubsub#access_model", "whitelist");
        service.publish(OWNER, "n", "i", entry("x"),
                new PublishOptions(form("pubsub#access_model", "whitelist", "pubsub#persist_items", "true")));
        assertEquals(1, service.itemCount("n"));
    }

    @Test
    void publishOptionsThatDoNotMatchArePreconditionNotMetAndPublishNothing() {
        f.leaf("n");
        assertError(PubSubError.PRECONDITION_NOT_MET, () -> service.publish(OWNER, "n", "i", entry("x"),
                new PublishOptions(form("pubsub#access_model", "whitelist"))));
        assertError(PubSubError.PRECONDITION_NOT_MET, () -> service.publish(OWNER, "n", "i", entry("x"),
                new PublishOptions(form("pubsub#unknown_field", "1"))));
        assertEquals(0, service.itemCount("n"));
    }

    @Test
    void publishOptionsConfigureAnAutoCreatedNode() {
        service.publish(ALICE, "auto", "i", entry("x"),
                new PublishOptions(form("pubsub#access_model", "whitelist", "pubsub#max_items", "1")));
        NodeConfig c = service.configuration(ALICE, "auto");
        assertEquals(AccessModel.WHITELIST, c.accessModel());
        assertEquals(1, c.maxItems());
    }

    @Test
    void maxItemsKeepsTheNewestAndAnnouncesTheRetractedOldest() {
        f.leaf("n", "pubsub#max_items", "2");
        service.subscribe(ALICE, "n", ALICE, null);
        service.publish(OWNER, "n", "a", entry("a"), null);
        service.publish(OWNER, "n", "b", entry("b"), null);
        Outcome<String> o = service.publish(OWNER, "n", "c", entry("c"), null);
        assertEquals(List.of("b", "c"), itemIds("n"));
        Event.Retracts r = (Event.Retracts) o.notifications().get(1).event();
        assertEquals(List.of("a"), r.itemIds());
    }

    @Test
    void discardOldestTrimsSilently() {
        f.leaf("n", "pubsub#max_items", "1", "pubsub#publish_node_full", "discard-oldest");
        service.subscribe(ALICE, "n", ALICE, null);
        service.publish(OWNER, "n", "a", entry("a"), null);
        Outcome<String> o = service.publish(OWNER, "n", "b", entry("b"), null);
        assertEquals(List.of("b"), itemIds("n"));
        assertEquals(1, o.notifications().size());
    }

    @Test
    void rejectOnAFullNodeIsNodeFullButOverwritingStillWorks() {
        f.leaf("n", "pubsub#max_items", "1", "pubsub#publish_node_full", "reject");
        service.publish(OWNER, "n", "a", entry("a"), null);
        assertError(PubSubError.NODE_FULL, () -> service.publish(OWNER, "n", "b", entry("b"), null));
        service.publish(OWNER, "n", "a", entry("a2"), null);
        assertEquals(List.of("a"), itemIds("n"));
    }

    @Test
    void batchLargerThanMaxItemsIsMaxItemsExceededAndNothingIsPublished() {
        f.leaf("n", "pubsub#max_items", "2");
        assertError(PubSubError.MAX_ITEMS_EXCEEDED, () -> service.publish(OWNER, "n",
                List.of(new ItemDraft("a", entry("a")), new ItemDraft("b", entry("b")), new ItemDraft("c", entry("c"))),
                null));
        assertEquals(0, service.itemCount("n"));
    }

    @Test
    void aBatchFailsWholeWhenOneItemIsBad() {
        f.leaf("n");
        assertError(PubSubError.INVALID_PAYLOAD, () -> service.publish(OWNER, "n",
                List.of(new ItemDraft("a", entry("a")), new ItemDraft("b", new Payload("<x/><y/>", 2, ""))), null));
        assertEquals(0, service.itemCount("n"));
    }

    @Test
    void persistentNodeRequiresAnItem() {
        f.leaf("n");
        assertError(PubSubError.ITEM_REQUIRED, () -> service.publish(OWNER, "n", List.of(), null));
    }

    @Test
    void payloadNodeRequiresAPayload() {
        f.leaf("n");
        assertError(PubSubError.PAYLOAD_REQUIRED, () -> service.publish(OWNER, "n", "i", null, null));
    }

    @Test
    void persistentNotificationOnlyNodeAcceptsAnEmptyItem() {
        f.leaf("n", "pubsub#deliver_payloads", "0");
        assertNotNull(service.publish(OWNER, "n", null, null, null).value());
        assertEquals(1, service.itemCount("n"));
    }

    @Test
    void transientNotificationOnlyNodeForbidsItemsAndNotifiesWithAnEmptyItems() {
        f.leaf("t", "pubsub#persist_items", "0", "pubsub#deliver_payloads", "0");
        service.subscribe(ALICE, "t", ALICE, null);
        assertError(PubSubError.ITEM_FORBIDDEN, () -> service.publish(OWNER, "t", "i", entry("x"), null));
        Outcome<List<String>> o = service.publish(OWNER, "t", List.of(), null);
        assertTrue(((Event.Items) o.notifications().get(0).event()).items().isEmpty());
    }

    @Test
    void transientPayloadNodeDeliversButKeepsNothing() {
        f.leaf("t", "pubsub#persist_items", "0");
        service.subscribe(ALICE, "t", ALICE, null);
        Outcome<String> o = service.publish(OWNER, "t", null, entry("live"), null);
        assertNotNull(o.value());
        assertTrue(((Event.Items) o.notifications().get(0).event()).items().get(0).payload().contains("live"));
        assertEquals(0, service.itemCount("t"));
        assertError(PubSubError.UNSUPPORTED_PERSISTENT_ITEMS, () -> service.items(OWNER, "t", ItemQuery.all()));
    }

    @Test
    void moreThanOnePayloadElementIsInvalidPayload() {
        f.leaf("n");
        assertError(PubSubError.INVALID_PAYLOAD,
                () -> service.publish(OWNER, "n", "i", new Payload("<a/><b/>", 2, ""), null));
    }

    @Test
    void payloadOfAnotherNamespaceThanPubsubTypeIsInvalidPayload() {
        f.leaf("n", "pubsub#type", "urn:example:tune");
        assertError(PubSubError.INVALID_PAYLOAD, () -> service.publish(OWNER, "n", "i", entry("x"), null));
        service.publish(OWNER, "n", "i", Payload.of("<tune xmlns='urn:example:tune'/>", "urn:example:tune"), null);
    }

    @Test
    void payloadOverTheNodeLimitIsPayloadTooBig() {
        f.leaf("n", "pubsub#max_payload_size", "100");
        assertError(PubSubError.PAYLOAD_TOO_BIG, () -> service.publish(OWNER, "n", "i", entry("x".repeat(200)), null));
        assertEquals(0, service.itemCount("n"));
    }

    @Test
    void publishToACollectionIsUnsupported() {
        f.collection("c");
        assertError(PubSubError.UNSUPPORTED_PUBLISH, () -> service.publish(OWNER, "c", "i", entry("x"), null));
    }

    @Test
    void retractRemovesTheItemAndNotifiesWhenAsked() {
        f.leaf("n", "pubsub#notify_retract", "0");
        service.subscribe(ALICE, "n", ALICE, null);
        service.publish(OWNER, "n", "a", entry("a"), null);
        service.publish(OWNER, "n", "b", entry("b"), null);
        assertTrue(service.retract(OWNER, "n", "a", false).notifications().isEmpty());
        Outcome<Void> o = service.retract(OWNER, "n", "b", true);
        assertEquals(List.of("b"), ((Event.Retracts) o.notifications().get(0).event()).itemIds());
        assertEquals(0, service.itemCount("n"));
    }

    @Test
    void retractNotifiesPerNotifyRetractWithoutTheAttribute() {
        f.leaf("n");
        service.subscribe(ALICE, "n", ALICE, null);
        service.publish(OWNER, "n", "a", entry("a"), null);
        assertEquals(1, service.retract(OWNER, "n", "a", false).notifications().size());
    }

    @Test
    void retractErrors() {
        f.leaf("n");
        service.publish(OWNER, "n", "a", entry("a"), null);
        assertError(PubSubError.NODEID_REQUIRED, () -> service.retract(OWNER, null, "a", false));
        assertError(PubSubError.ITEM_REQUIRED, () -> service.retract(OWNER, "n", (String) null, false));
        assertError(PubSubError.ITEM_NOT_FOUND, () -> service.retract(OWNER, "n", "zzz", false));
        assertError(PubSubError.FORBIDDEN, () -> service.retract(ALICE, "n", "a", false));
        assertError(PubSubError.NODE_NOT_FOUND, () -> service.retract(OWNER, "absent", "a", false));
        f.leaf("t", "pubsub#persist_items", "0");
        assertError(PubSubError.UNSUPPORTED_PERSISTENT_ITEMS, () -> service.retract(OWNER, "t", "a", false));
        assertEquals(1, service.itemCount("n"));
    }

    @Test
    void publishOnlyEntityRetractsOnlyItsOwnItems() {
        f.leaf("n");
        service.modifyAffiliations(OWNER, "n", List.of(
                new AffiliationEntry("n", "alice@example.test", Affiliation.PUBLISH_ONLY),
                new AffiliationEntry("n", "bob@example.test", Affiliation.PUBLISHER)));
        service.publish(ALICE, "n", "mine", entry("a"), null);
        service.publish(BOB, "n", "bobs", entry("b"), null);
        assertError(PubSubError.FORBIDDEN, () -> service.retract(ALICE, "n", "bobs", false));
        service.retract(ALICE, "n", "mine", false);
        service.retract(BOB, "n", "bobs", false); // a publisher may remove any item (§4.1 note)
        assertEquals(0, service.itemCount("n"));
    }

    @Test
    void expiredItemsDisappearFromReadsAndAreSweptFromTheOldest() {
        f.leaf("n", "pubsub#item_expire", "60");
        service.publish(OWNER, "n", "old", entry("a"), null);
        f.clock.advanceSeconds(50);
        service.publish(OWNER, "n", "new", entry("b"), null);
        f.clock.advanceSeconds(20);
        assertEquals(List.of("new"), itemIds("n"));
        assertEquals(1, service.expireItems());
        assertEquals(1, service.itemCount("n"));
    }
}
