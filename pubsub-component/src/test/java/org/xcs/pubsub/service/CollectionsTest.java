package org.xcs.pubsub.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.pubsub.service.Fixture.ALICE;
import static org.xcs.pubsub.service.Fixture.BOB;
import static org.xcs.pubsub.service.Fixture.OWNER;
import static org.xcs.pubsub.service.Fixture.assertError;
import static org.xcs.pubsub.service.Fixture.entry;
import static org.xcs.pubsub.service.Fixture.form;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** XEP-0248: collection nodes, association through configuration, subscription type and depth. */
class CollectionsTest {

    private final Fixture f = new Fixture();
    private final PubSubService service = f.service;

    /** blogs -> (princely_musings, news -> (daily)). */
    private void tree() {
        f.collection("blogs");
        f.collection("news", "pubsub#collection", "blogs");
        f.leaf("princely_musings", "pubsub#collection", "blogs");
        f.leaf("daily", "pubsub#collection", "news");
    }

    @Test
    void bothSidesOfTheTreeShowInConfiguration() {
        tree();
        assertEquals(List.of("news", "princely_musings"), service.configuration(OWNER, "blogs").children());
        assertEquals(List.of("blogs"), service.configuration(OWNER, "news").collections());
        assertEquals(List.of("blogs"), service.childNodes(null));
        assertEquals(List.of("daily"), service.childNodes("news"));
    }

    @Test
    void itemsSubscribersOfACollectionGetItemsOfDirectChildrenWithTheCollectionNamed() {
        tree();
        String subid = service.subscribe(ALICE, "blogs", ALICE, form("pubsub#subscription_type", "items")).value()
                .subid();
        Outcome<String> o = service.publish(OWNER, "princely_musings", "i", entry("x"), null);
        assertEquals(1, o.notifications().size());
        Notification n = o.notifications().get(0);
        assertEquals("blogs", n.collection());
        assertEquals(List.of(subid), n.subids());
        assertEquals("princely_musings", n.event().node()); // XEP-0248 §5.1: the originating node
        assertTrue(service.publish(OWNER, "daily", "i", entry("x"), null).notifications().isEmpty()); // depth 1
    }

    @Test
    void depthAllReachesEveryDescendant() {
        tree();
        service.subscribe(ALICE, "blogs", ALICE,
                form("pubsub#subscription_type", "items", "pubsub#subscription_depth", "all"));
        Outcome<String> o = service.publish(OWNER, "daily", "i", entry("x"), null);
        assertEquals(List.of(ALICE), Fixture.recipients(o));
        assertEquals("blogs", o.notifications().get(0).collection());
    }

    @Test
    void nodesSubscribersGetNoItems() {
        tree();
        service.subscribe(ALICE, "blogs", ALICE, null); // default type: nodes
        assertTrue(service.publish(OWNER, "princely_musings", "i", entry("x"), null).notifications().isEmpty());
    }

    @Test
    void nodesSubscribersHearOfNewChildren() {
        tree();
        service.subscribe(ALICE, "blogs", ALICE, null);
        Outcome<String> o = service.createNode(OWNER, "new_blog", form("pubsub#collection", "blogs"));
        List<Event> events = o.notifications().stream().map(Notification::event).toList();
        assertTrue(events.contains(new Event.Association("blogs", "new_blog", true)), events.toString());
        assertTrue(events.contains(new Event.Created("new_blog")), events.toString());
    }

    @Test
    void aSubscriberDirectAndThroughACollectionGetsOneNotification() {
        tree();
        service.subscribe(ALICE, "princely_musings", ALICE, null);
        service.subscribe(ALICE, "blogs", ALICE, form("pubsub#subscription_type", "items"));
        Outcome<String> o = service.publish(OWNER, "princely_musings", "i", entry("x"), null);
        assertEquals(1, o.notifications().size());
        assertNull(o.notifications().get(0).collection());
    }

    @Test
    void deliveryStyleComesFromTheLeaf() {
        f.collection("c", "pubsub#deliver_payloads", "1");
        f.leaf("l", "pubsub#collection", "c", "pubsub#deliver_payloads", "0");
        service.subscribe(ALICE, "c", ALICE, form("pubsub#subscription_type", "items"));
        Event.Items items = (Event.Items) service.publish(OWNER, "l", "i", entry("x"), null).notifications().get(0)
                .event();
        assertNull(items.items().get(0).payload());
    }

    @Test
    void childrenOnALeafAreRefused() {
        f.leaf("a");
        f.leaf("b");
        assertError(PubSubError.INVALID_COLLECTION_CONFIG,
                () -> service.configure(OWNER, "a", form("pubsub#children", "b")));
        assertError(PubSubError.INVALID_COLLECTION_CONFIG,
                () -> service.configure(OWNER, "b", form("pubsub#collection", "a")));
    }

    @Test
    void cyclesAreRefused() {
        f.collection("a");
        f.collection("b", "pubsub#collection", "a");
        f.collection("c", "pubsub#collection", "b");
        assertError(PubSubError.INVALID_COLLECTION_CONFIG,
                () -> service.configure(OWNER, "a", form("pubsub#collection", "c")));
        assertError(PubSubError.INVALID_COLLECTION_CONFIG,
                () -> service.configure(OWNER, "c", form("pubsub#children", "a")));
        assertTrue(service.configuration(OWNER, "a").collections().isEmpty());
    }

    @Test
    void aCollectionNeverBecomesALeafButALeafBecomesACollectionLosingItsItems() {
        f.collection("c");
        assertError(PubSubError.INVALID_COLLECTION_CONFIG,
                () -> service.configure(OWNER, "c", form("pubsub#node_type", "leaf")));
        f.leaf("l");
        service.publish(OWNER, "l", "i", entry("x"), null);
        service.configure(OWNER, "l", form("pubsub#node_type", "collection"));
        assertEquals(0, service.itemCount("l"));
    }

    @Test
    void childrenMaxIsEnforced() {
        f.collection("c", "pubsub#children_max", "1");
        f.leaf("a", "pubsub#collection", "c");
        assertError(PubSubError.MAX_NODES_EXCEEDED, () -> f.leaf("b", "pubsub#collection", "c"));
    }

    @Test
    void configuringChildrenFromTheCollectionSideUpdatesTheChildren() {
        f.collection("c");
        f.leaf("a");
        f.leaf("b");
        service.configure(OWNER, "c", form("pubsub#children", "a,b"));
        assertEquals(List.of("c"), service.configuration(OWNER, "a").collections());
        service.configure(OWNER, "c", form("pubsub#children", "b"));
        assertTrue(service.configuration(OWNER, "a").collections().isEmpty());
        assertEquals(List.of("b"), service.configuration(OWNER, "c").children());
    }

    @Test
    void onlyOwnersOfACollectionAssociateChildrenByDefault() {
        f.collection("c");
        service.createNode(BOB, "bobs", null);
        assertError(PubSubError.FORBIDDEN, () -> service.configure(BOB, "bobs", form("pubsub#collection", "c")));
        f.collection("open", "pubsub#children_association_policy", "all");
        service.configure(BOB, "bobs", form("pubsub#collection", "open"));
        assertEquals(List.of("bobs"), service.childNodes("open"));
    }

    @Test
    void associateAndDissociate() {
        f.collection("c");
        f.leaf("l");
        service.associate(OWNER, "c", "l");
        assertEquals(List.of("l"), service.childNodes("c"));
        service.dissociate(OWNER, "c", "l");
        assertTrue(service.childNodes("c").isEmpty());
        assertError(PubSubError.NOT_ASSOCIATED, () -> service.dissociate(OWNER, "c", "l"));
    }

    @Test
    void deletingACollectionOrphansItsChildren() {
        tree();
        service.deleteNode(OWNER, "blogs", null);
        assertTrue(service.configuration(OWNER, "news").collections().isEmpty());
        assertEquals(Set.of("news", "princely_musings"), Set.copyOf(service.childNodes(null)));
    }

    @Test
    void deletingAChildTellsNodesSubscribersOfTheParent() {
        tree();
        service.subscribe(ALICE, "blogs", ALICE, null);
        Outcome<Void> o = service.deleteNode(OWNER, "princely_musings", null);
        assertEquals(List.of(ALICE), Fixture.recipients(o));
        assertInstanceOf(Event.Delete.class, o.notifications().get(0).event());
        assertEquals(List.of("news"), service.childNodes("blogs"));
    }

    @Test
    void secondSubscriptionOfTheSameTypeToACollectionIsAConflict() {
        f.collection("c");
        service.subscribe(ALICE, "c", ALICE, null);
        assertError(PubSubError.COLLECTION_SUBSCRIPTION_EXISTS, () -> service.subscribe(ALICE, "c", ALICE,
                form("pubsub#subscription_depth", "all")));
        service.subscribe(ALICE, "c", ALICE, form("pubsub#subscription_type", "items"));
    }
}
