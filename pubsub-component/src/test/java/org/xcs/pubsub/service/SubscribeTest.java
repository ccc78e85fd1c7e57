package org.xcs.pubsub.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.pubsub.service.Fixture.ALICE;
import static org.xcs.pubsub.service.Fixture.BOB;
import static org.xcs.pubsub.service.Fixture.OWNER;
import static org.xcs.pubsub.service.Fixture.assertError;
import static org.xcs.pubsub.service.Fixture.entry;
import static org.xcs.pubsub.service.Fixture.form;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** XEP-0060 §6.1-§6.4 subscribe, unsubscribe, options; §5.6 own subscriptions. */
class SubscribeTest {

    private final Fixture f = new Fixture();
    private final PubSubService service = f.service;

    @Test
    void subscribeToAnOpenNodeIsSubscribedWithASubid() {
        f.leaf("n");
        Subscription s = service.subscribe(ALICE, "n", "alice@example.test", null).value();
        assertEquals(SubscriptionState.SUBSCRIBED, s.state());
        assertNotNull(s.subid());
        assertEquals(List.of(s), service.ownSubscriptions(ALICE, null));
    }

    @Test
    void subscribingAnotherEntitysJidIsInvalidJid() {
        f.leaf("n");
        assertError(PubSubError.INVALID_JID, () -> service.subscribe(ALICE, "n", BOB, null));
        assertTrue(service.ownSubscriptions(BOB, null).isEmpty());
    }

    @Test
    void aFullJidOfTheSameBareJidMaySubscribe() {
        f.leaf("n");
        Subscription s = service.subscribe(ALICE, "n", "alice@example.test/other", null).value();
        assertEquals("alice@example.test/other", s.jid());
    }

    @Test
    void subscribeToAMissingNodeIsItemNotFound() {
        assertError(PubSubError.NODE_NOT_FOUND, () -> service.subscribe(ALICE, "absent", ALICE, null));
    }

    @Test
    void multipleSubscriptionsGetDistinctSubids() {
        f.leaf("n");
        String a = service.subscribe(ALICE, "n", ALICE, null).value().subid();
        String b = service.subscribe(ALICE, "n", ALICE, form("pubsub#digest", "1")).value().subid();
        assertNotEquals(a, b);
        assertEquals(2, service.ownSubscriptions(ALICE, "n").size());
    }

    @Test
    void whitelistNodeRefusesNonMembersWithClosedNode() {
        f.leaf("n", "pubsub#access_model", "whitelist");
        assertError(PubSubError.CLOSED_NODE, () -> service.subscribe(ALICE, "n", ALICE, null));
        service.modifyAffiliations(OWNER, "n",
                List.of(new AffiliationEntry("n", "alice@example.test", Affiliation.MEMBER)));
        assertEquals(SubscriptionState.SUBSCRIBED, service.subscribe(ALICE, "n", ALICE, null).value().state());
    }

    @Test
    void outcastIsForbiddenToSubscribe() {
        f.leaf("n");
        service.modifyAffiliations(OWNER, "n",
                List.of(new AffiliationEntry("n", "alice@example.test", Affiliation.OUTCAST)));
        assertError(PubSubError.FORBIDDEN, () -> service.subscribe(ALICE, "n", ALICE, null));
    }

    @Test
    void authorizeNodeLeavesTheSubscriptionPendingAndAsksEveryOwner() {
        f.leaf("n", "pubsub#access_model", "authorize");
        service.modifyAffiliations(OWNER, "n",
                List.of(new AffiliationEntry("n", "co@example.test", Affiliation.OWNER)));
        Outcome<Subscription> o = service.subscribe(ALICE, "n", ALICE, null);
        assertEquals(SubscriptionState.PENDING, o.value().state());
        assertEquals(List.of("co@example.test", "owner@example.test"), Fixture.recipients(o));
        Event.ApprovalRequest req = assertInstanceOf(Event.ApprovalRequest.class, o.notifications().get(0).event());
        assertEquals(ALICE, req.subscriber());
        assertEquals(o.value().subid(), req.subid());
    }

    @Test
    void aSecondRequestWhilePendingIsPendingSubscription() {
        f.leaf("n", "pubsub#access_model", "authorize");
        service.subscribe(ALICE, "n", ALICE, null);
        assertError(PubSubError.PENDING_SUBSCRIPTION, () -> service.subscribe(ALICE, "n", ALICE, null));
    }

    @Test
    void pendingSubscribersGetNoItems() {
        f.leaf("n", "pubsub#access_model", "authorize");
        service.subscribe(ALICE, "n", ALICE, null);
        assertTrue(service.publish(OWNER, "n", null, entry("x"), null).notifications().isEmpty());
    }

    @Test
    void subscribeDisabledIsUnsupportedSubscribe() {
        f.leaf("n", "pubsub#subscribe", "0");
        assertError(PubSubError.UNSUPPORTED_SUBSCRIBE, () -> service.subscribe(ALICE, "n", ALICE, null));
    }

    @Test
    void subscribeReturnsTheLastPublishedItemWithItsPublishTime() {
        f.leaf("n");
        service.publish(OWNER, "n", "old", entry("old"), null);
        service.publish(OWNER, "n", "last", entry("last"), null);
        Instant published = f.clock.instant();
        f.clock.advanceSeconds(30);
        Outcome<Subscription> o = service.subscribe(ALICE, "n", ALICE, null);
        assertEquals(1, o.notifications().size());
        Notification n = o.notifications().get(0);
        assertEquals(published, n.delay());
        assertEquals(List.of(o.value().subid()), n.subids());
        assertEquals("last", ((Event.Items) n.event()).items().get(0).id());
    }

    @Test
    void sendLastPublishedItemNeverSendsNothingOnSubscribe() {
        f.leaf("n", "pubsub#send_last_published_item", "never");
        service.publish(OWNER, "n", "i", entry("x"), null);
        assertTrue(service.subscribe(ALICE, "n", ALICE, null).notifications().isEmpty());
    }

    @Test
    void lastPublishedItemOnPresenceOnlyForOnSubAndPresenceNodes() {
        f.leaf("both");
        f.leaf("subOnly", "pubsub#send_last_published_item", "on_sub");
        service.publish(OWNER, "both", "b", entry("b"), null);
        service.publish(OWNER, "subOnly", "s", entry("s"), null);
        service.subscribe(ALICE, "both", "alice@example.test", null);
        service.subscribe(ALICE, "subOnly", "alice@example.test", null);
        List<Notification> sent = service.lastPublishedOnPresence(ALICE);
        assertEquals(1, sent.size());
        assertEquals(ALICE, sent.get(0).recipient());
        assertEquals("both", sent.get(0).event().node());
    }

    @Test
    void notifySubTellsOwnersAboutNewSubscribersAndUnsubscribes() {
        f.leaf("n", "pubsub#notify_sub", "1", "pubsub#send_last_published_item", "never");
        Outcome<Subscription> sub = service.subscribe(ALICE, "n", ALICE, null);
        assertEquals(List.of("owner@example.test"), Fixture.recipients(sub));
        Outcome<Void> unsub = service.unsubscribe(ALICE, "n", ALICE, null);
        Event.SubscriptionChanged e = (Event.SubscriptionChanged) unsub.notifications().get(0).event();
        assertEquals(SubscriptionState.NONE, e.state());
    }

    @Test
    void unsubscribeRemovesTheSubscription() {
        f.leaf("n");
        service.subscribe(ALICE, "n", ALICE, null);
        service.unsubscribe(ALICE, "n", ALICE, null);
        assertTrue(service.ownSubscriptions(ALICE, null).isEmpty());
    }

    @Test
    void unsubscribeWithoutASubscriptionIsNotSubscribed() {
        f.leaf("n");
        assertError(PubSubError.NOT_SUBSCRIBED, () -> service.unsubscribe(ALICE, "n", ALICE, null));
        assertEquals("unexpected-request", PubSubError.NOT_SUBSCRIBED.condition());
    }

    @Test
    void unsubscribeWithSeveralSubscriptionsNeedsTheSubid() {
        f.leaf("n");
        String a = service.subscribe(ALICE, "n", ALICE, null).value().subid();
        service.subscribe(ALICE, "n", ALICE, null);
        assertError(PubSubError.SUBID_REQUIRED, () -> service.unsubscribe(ALICE, "n", ALICE, null));
        assertError(PubSubError.INVALID_SUBID, () -> service.unsubscribe(ALICE, "n", ALICE, "bogus"));
        service.unsubscribe(ALICE, "n", ALICE, a);
        assertEquals(1, service.ownSubscriptions(ALICE, "n").size());
    }

    @Test
    void unsubscribingSomeoneElseIsForbiddenUnlessOwner() {
        f.leaf("n");
        service.subscribe(BOB, "n", BOB, null);
        assertError(PubSubError.FORBIDDEN, () -> service.unsubscribe(ALICE, "n", BOB, null));
        Outcome<Void> o = service.unsubscribe(OWNER, "n", BOB, null);
        assertEquals(List.of(BOB), Fixture.recipients(o)); // §12.11: the former subscriber is told
    }

    @Test
    void subscriptionOptionsRoundTrip() {
        f.leaf("n");
        String subid = service.subscribe(ALICE, "n", ALICE, null).value().subid();
        assertTrue(service.subscriptionOptions(ALICE, "n", ALICE, subid).deliver());
        service.configureSubscription(ALICE, "n", ALICE, subid, form("pubsub#deliver", "false"));
        assertEquals(false, service.subscriptionOptions(ALICE, "n", ALICE, null).deliver());
    }

    @Test
    void subscriptionOptionsErrors() {
        f.leaf("n");
        assertError(PubSubError.OPTIONS_NOT_SUBSCRIBED, () -> service.subscriptionOptions(ALICE, "n", ALICE, null));
        assertError(PubSubError.JID_REQUIRED, () -> service.subscriptionOptions(ALICE, "n", null, null));
        service.subscribe(BOB, "n", BOB, null);
        assertError(PubSubError.FORBIDDEN, () -> service.subscriptionOptions(ALICE, "n", BOB, null));
        service.subscribe(ALICE, "n", ALICE, null);
        service.subscribe(ALICE, "n", ALICE, null);
        assertError(PubSubError.SUBID_REQUIRED, () -> service.subscriptionOptions(ALICE, "n", ALICE, null));
        assertError(PubSubError.INVALID_SUBID, () -> service.subscriptionOptions(ALICE, "n", ALICE, "bogus"));
        assertError(PubSubError.NODE_NOT_FOUND, () -> service.subscriptionOptions(ALICE, "absent", ALICE, null));
    }

    @Test
    void invalidSubscriptionOptionsAreInvalidOptionsAndChangeNothing() {
        f.leaf("n");
        assertError(PubSubError.INVALID_OPTIONS,
                () -> service.subscribe(ALICE, "n", ALICE, form("pubsub#deliver", "maybe")));
        assertError(PubSubError.INVALID_OPTIONS,
                () -> service.subscribe(ALICE, "n", ALICE, form("pubsub#no_such_option", "1")));
        assertTrue(service.ownSubscriptions(ALICE, null).isEmpty());
        String subid = service.subscribe(ALICE, "n", ALICE, null).value().subid();
        assertError(PubSubError.INVALID_OPTIONS, () -> service.configureSubscription(ALICE, "n", ALICE, subid,
                form("pubsub#subscription_depth", "-1")));
    }

    @Test
    void defaultSubscriptionOptions() {
        f.collection("c");
        assertEquals(SubscriptionType.NODES, service.defaultSubscriptionOptions("c").subscriptionType());
        assertEquals(1, service.defaultSubscriptionOptions(null).subscriptionDepth());
        assertTrue(service.defaultSubscriptionOptions(null).deliver());
    }
}
