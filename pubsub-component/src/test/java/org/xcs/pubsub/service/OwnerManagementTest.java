package org.xcs.pubsub.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.pubsub.service.Fixture.ALICE;
import static org.xcs.pubsub.service.Fixture.BOB;
import static org.xcs.pubsub.service.Fixture.OWNER;
import static org.xcs.pubsub.service.Fixture.assertError;
import static org.xcs.pubsub.service.Fixture.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

/** XEP-0060 §8.6-§8.9: pending requests, subscriptions and affiliations managed by owners. */
class OwnerManagementTest {

    private static final String ALICE_BARE = "alice@example.test";
    private static final String OWNER_BARE = "owner@example.test";

    private final Fixture f = new Fixture();
    private final PubSubService service = f.service;

    private static AffiliationEntry aff(String jid, Affiliation a) {
        return new AffiliationEntry("n", jid, a);
    }

    @Test
    void approvingAPendingSubscriptionSubscribesAndTellsTheSubscriber() {
        f.leaf("n", "pubsub#access_model", "authorize");
        service.subscribe(ALICE, "n", ALICE, null);
        assertEquals(1, service.pending(OWNER, "n").size());
        assertEquals(List.of("n"), service.nodesWithPending(OWNER));
        Outcome<Subscription> o = service.answerPending(OWNER, "n", ALICE, null, true);
        assertEquals(SubscriptionState.SUBSCRIBED, o.value().state());
        Event.SubscriptionChanged e = (Event.SubscriptionChanged) o.notifications().get(0).event();
        assertEquals(SubscriptionState.SUBSCRIBED, e.state());
        assertEquals(ALICE, o.notifications().get(0).recipient());
        assertTrue(service.pending(OWNER, "n").isEmpty());
        assertEquals(1, service.publish(OWNER, "n", null, entry("x"), null).notifications().size());
    }

    @Test
    void denyingAPendingSubscriptionRemovesItAndTellsTheSubscriber() {
        f.leaf("n", "pubsub#access_model", "authorize");
        service.subscribe(ALICE, "n", ALICE, null);
        Outcome<Subscription> o = service.answerPending(OWNER, "n", ALICE, null, false);
        assertEquals(SubscriptionState.NONE, ((Event.SubscriptionChanged) o.notifications().get(0).event()).state());
        assertTrue(service.ownSubscriptions(ALICE, null).isEmpty());
        assertTrue(service.nodesWithPending(OWNER).isEmpty());
    }

    @Test
    void onlyOwnersSeeOrAnswerPendingRequests() {
        f.leaf("n", "pubsub#access_model", "authorize");
        service.subscribe(ALICE, "n", ALICE, null);
        assertError(PubSubError.FORBIDDEN, () -> service.pending(BOB, "n"));
        assertError(PubSubError.FORBIDDEN, () -> service.answerPending(BOB, "n", ALICE, null, true));
        assertError(PubSubError.NOT_SUBSCRIBED, () -> service.answerPending(OWNER, "n", BOB, null, true));
    }

    @Test
    void ownerListsAndModifiesSubscriptions() {
        f.leaf("n");
        service.subscribe(ALICE, "n", ALICE, null);
        assertEquals(1, service.subscriptions(OWNER, "n").size());
        Outcome<List<SubscriptionChange>> o = service.modifySubscriptions(OWNER, "n", List.of(
                new SubscriptionChange(ALICE, null, SubscriptionState.NONE),
                new SubscriptionChange(BOB, null, SubscriptionState.SUBSCRIBED)));
        assertTrue(o.value().isEmpty());
        assertEquals(List.of(ALICE, BOB), Fixture.recipients(o));
        assertEquals(List.of(BOB), service.subscriptions(OWNER, "n").stream().map(Subscription::jid).toList());
    }

    @Test
    void invalidSubscriptionChangesAreReturnedUnchangedWhileTheOthersApply() {
        f.leaf("n");
        service.subscribe(ALICE, "n", ALICE, null);
        Outcome<List<SubscriptionChange>> o = service.modifySubscriptions(OWNER, "n", List.of(
                new SubscriptionChange(ALICE, null, SubscriptionState.UNCONFIGURED),
                new SubscriptionChange(BOB, "no-such-subid", SubscriptionState.SUBSCRIBED),
                new SubscriptionChange(ALICE, null, SubscriptionState.NONE)));
        assertEquals(List.of(new SubscriptionChange(ALICE, null, SubscriptionState.SUBSCRIBED),
                new SubscriptionChange(BOB, "no-such-subid", SubscriptionState.NONE)), o.value());
        assertTrue(service.subscriptions(OWNER, "n").isEmpty());
    }

    @Test
    void nonOwnersCannotManage() {
        f.leaf("n");
        assertError(PubSubError.FORBIDDEN, () -> service.subscriptions(ALICE, "n"));
        assertError(PubSubError.FORBIDDEN, () -> service.affiliations(ALICE, "n"));
        assertError(PubSubError.FORBIDDEN, () -> service.modifyAffiliations(ALICE, "n",
                List.of(aff(ALICE_BARE, Affiliation.OWNER))));
        assertError(PubSubError.NODE_NOT_FOUND, () -> service.affiliations(OWNER, "absent"));
    }

    @Test
    void ownerSetsEveryAffiliation() {
        f.leaf("n");
        List<AffiliationEntry> all = List.of(aff("a@example.test", Affiliation.OWNER),
                aff("b@example.test", Affiliation.PUBLISHER), aff("c@example.test", Affiliation.PUBLISH_ONLY),
                aff("d@example.test", Affiliation.MEMBER), aff("e@example.test", Affiliation.OUTCAST));
        assertTrue(service.modifyAffiliations(OWNER, "n", all).value().isEmpty());
        assertEquals(6, service.affiliations(OWNER, "n").size());
        service.modifyAffiliations(OWNER, "n", List.of(aff("d@example.test", Affiliation.NONE)));
        assertEquals(5, service.affiliations(OWNER, "n").size()); // "none" removes the entry (§8.9.2)
    }

    @Test
    void theLastOwnerCannotStepDown() {
        f.leaf("n");
        Outcome<List<AffiliationEntry>> o = service.modifyAffiliations(OWNER, "n",
                List.of(aff(OWNER_BARE, Affiliation.NONE)));
        assertEquals(List.of(aff(OWNER_BARE, Affiliation.OWNER)), o.value());
        service.modifyAffiliations(OWNER, "n", List.of(aff(ALICE_BARE, Affiliation.OWNER)));
        assertTrue(service.modifyAffiliations(OWNER, "n", List.of(aff(OWNER_BARE, Affiliation.NONE))).value()
                .isEmpty());
        assertEquals(List.of(aff(ALICE_BARE, Affiliation.OWNER)), service.affiliations(ALICE, "n"));
    }

    @Test
    void transitionsTheStateChartMarksNotApplicableAreRefused() {
        f.leaf("n");
        service.modifyAffiliations(OWNER, "n", List.of(aff(ALICE_BARE, Affiliation.OWNER),
                aff("pub@example.test", Affiliation.PUBLISHER)));
        Outcome<List<AffiliationEntry>> o = service.modifyAffiliations(OWNER, "n", List.of(
                aff(ALICE_BARE, Affiliation.OUTCAST), aff("pub@example.test", Affiliation.MEMBER)));
        assertEquals(List.of(aff(ALICE_BARE, Affiliation.OWNER), aff("pub@example.test", Affiliation.PUBLISHER)),
                o.value());
    }

    @Test
    void bannedEntitiesLoseTheirSubscriptions() {
        f.leaf("n");
        service.subscribe(ALICE, "n", ALICE, null);
        Outcome<List<AffiliationEntry>> o = service.modifyAffiliations(OWNER, "n",
                List.of(aff(ALICE_BARE, Affiliation.OUTCAST)));
        assertEquals(List.of(ALICE), Fixture.recipients(o));
        assertTrue(service.ownSubscriptions(ALICE, null).isEmpty());
    }

    @Test
    void membersRemovedFromAWhitelistLoseTheirSubscriptions() {
        f.leaf("n", "pubsub#access_model", "whitelist");
        service.modifyAffiliations(OWNER, "n", List.of(aff(ALICE_BARE, Affiliation.MEMBER)));
        service.subscribe(ALICE, "n", ALICE, null);
        service.modifyAffiliations(OWNER, "n", List.of(aff(ALICE_BARE, Affiliation.NONE)));
        assertTrue(service.ownSubscriptions(ALICE, null).isEmpty());
    }

    @Test
    void ownAffiliationsAcrossNodes() {
        f.leaf("n");
        f.leaf("m");
        service.modifyAffiliations(OWNER, "m", List.of(new AffiliationEntry("m", ALICE_BARE, Affiliation.MEMBER)));
        assertEquals(List.of(new AffiliationEntry("m", ALICE_BARE, Affiliation.MEMBER)),
                service.ownAffiliations(ALICE, null));
        assertEquals(2, service.ownAffiliations(OWNER, null).size());
        assertEquals(1, service.ownAffiliations(OWNER, "n").size());
    }
}
