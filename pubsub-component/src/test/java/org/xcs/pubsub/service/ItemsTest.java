package org.xcs.pubsub.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.pubsub.service.Fixture.ALICE;
import static org.xcs.pubsub.service.Fixture.OWNER;
import static org.xcs.pubsub.service.Fixture.assertError;
import static org.xcs.pubsub.service.Fixture.entry;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.store.InMemoryStore;

/** XEP-0060 §6.5 retrieve items, with XEP-0059 paging. */
class ItemsTest {

    private final Fixture f = new Fixture();
    private final PubSubService service = f.service;

    @BeforeEach
    void tenItems() {
        f.leaf("n");
        for (int i = 0; i < 10; i++) {
            service.publish(OWNER, "n", "i" + i, entry("" + i), null);
        }
    }

    private static List<String> ids(ItemPage page) {
        return page.items().stream().map(Item::id).toList();
    }

    @Test
    void allItemsInPublishOrderWithPayloads() {
        ItemPage page = service.items(ALICE, "n", ItemQuery.all());
        assertEquals(10, page.count());
        assertEquals("i0", page.firstId());
        assertEquals("i9", page.lastId());
        assertTrue(page.items().get(3).payload().contains("3"));
    }

    @Test
    void maxItemsReturnsTheMostRecent() {
        assertEquals(List.of("i7", "i8", "i9"), ids(service.items(ALICE, "n", ItemQuery.latest(3))));
    }

    @Test
    void particularItemsById() {
        assertEquals(List.of("i2", "i5"), ids(service.items(ALICE, "n", ItemQuery.ids(List.of("i2", "i5")))));
        assertError(PubSubError.ITEM_NOT_FOUND, () -> service.items(ALICE, "n", ItemQuery.ids(List.of("nope"))));
    }

    @Test
    void pagingForwardAndBackward() {
        assertEquals(List.of("i0", "i1", "i2"), ids(service.items(ALICE, "n", ItemQuery.page(null, null, 3))));
        assertEquals(List.of("i3", "i4", "i5"), ids(service.items(ALICE, "n", ItemQuery.page("i2", null, 3))));
        assertEquals(List.of("i7", "i8", "i9"), ids(service.items(ALICE, "n", ItemQuery.page(null, "", 3))));
        assertEquals(List.of("i4", "i5", "i6"), ids(service.items(ALICE, "n", ItemQuery.page(null, "i7", 3))));
        assertEquals(List.of(), ids(service.items(ALICE, "n", ItemQuery.page("i9", null, 3))));
        assertEquals(10, service.items(ALICE, "n", ItemQuery.page(null, null, 0)).count());
        assertError(PubSubError.ITEM_NOT_FOUND, () -> service.items(ALICE, "n", ItemQuery.page("gone", null, 3)));
    }

    @Test
    void theFirstItemsIndexIsGivenForPagesFromEitherEndOfTheNode() {
        // XEP-0059 §2.2: index 0 for the first page, count minus the page's size for the last.
        assertEquals(0L, service.items(ALICE, "n", ItemQuery.page(null, null, 3)).firstIndex());
        assertEquals(7L, service.items(ALICE, "n", ItemQuery.page(null, "", 3)).firstIndex());
        assertEquals(0L, service.items(ALICE, "n", ItemQuery.page(null, "", 50)).firstIndex());
        // Pages anchored on an item would need a walk over the node to know it: left out (a SHOULD).
        assertNull(service.items(ALICE, "n", ItemQuery.page("i2", null, 3)).firstIndex());
        assertNull(service.items(ALICE, "n", ItemQuery.page(null, "i7", 3)).firstIndex());
        // An empty page has no <first/>, so no index either.
        assertNull(service.items(ALICE, "n", ItemQuery.page(null, null, 0)).firstIndex());
        assertNull(service.items(ALICE, "n", ItemQuery.page("i9", null, 3)).firstIndex());
    }

    @Test
    void aRetrieveNeverReturnsMoreThanThePageCap() {
        ServiceSettings d = ServiceSettings.defaults();
        ServiceSettings small = new ServiceSettings(true, 1000, 1_000_000, 65536, Set.of(), d.accessModels(), 4);
        Fixture capped = new Fixture(new InMemoryStore(), small);
        capped.leaf("n");
        for (int i = 0; i < 10; i++) {
            capped.service.publish(OWNER, "n", "i" + i, entry("" + i), null);
        }
        ItemPage page = capped.service.items(ALICE, "n", ItemQuery.all());
        assertEquals(List.of("i6", "i7", "i8", "i9"), ids(page));
        assertEquals(10, page.count());
        assertEquals(6L, page.firstIndex()); // §6.5.4: the truncated list is the node's newest page
    }

    @Test
    void maxItemsAboveThePageCapIsNotedAsCutShortWithTheIndexOfItsFirstItem() {
        ServiceSettings d = ServiceSettings.defaults();
        Fixture capped = new Fixture(new InMemoryStore(),
                new ServiceSettings(true, 1000, 1_000_000, 65536, Set.of(), d.accessModels(), 4));
        capped.leaf("n");
        for (int i = 0; i < 10; i++) {
            capped.service.publish(OWNER, "n", "i" + i, entry("" + i), null);
        }
        ItemPage page = capped.service.items(ALICE, "n", ItemQuery.latest(10_000));
        assertEquals(List.of("i6", "i7", "i8", "i9"), ids(page));
        assertTrue(page.truncated()); // §6.5.4: fewer than asked and held
        assertEquals(6L, page.firstIndex());
    }

    @Test
    void aListThatFitsIsNotNotedAsCutShort() {
        assertFalse(service.items(ALICE, "n", ItemQuery.latest(3)).truncated());
        assertFalse(service.items(ALICE, "n", ItemQuery.latest(50)).truncated());
        assertFalse(service.items(ALICE, "n", ItemQuery.all()).truncated());
    }

    @Test
    void aListOfLargeItemsStopsAtTheBytesOneResultMayCarryKeepingAtLeastOne() {
        Fixture small = new Fixture(new InMemoryStore(), ServiceSettings.defaults().withMaxStanzaBytes(16 * 1024));
        small.leaf("n");
        String pad = "x".repeat(3000);
        for (int i = 0; i < 10; i++) {
            small.service.publish(OWNER, "n", "i" + i, entry(pad + i), null);
        }
        // 8 KiB of items in a 16 KiB stanza (the rest is the envelope's): two items of 3 KB.
        ItemPage newest = small.service.items(ALICE, "n", ItemQuery.latest(10));
        assertEquals(List.of("i8", "i9"), ids(newest));
        assertTrue(newest.truncated());
        assertEquals(8L, newest.firstIndex());
        assertEquals(List.of("i0", "i1"), ids(small.service.items(ALICE, "n", ItemQuery.page(null, null, 10))));
        assertEquals(List.of("i4", "i5"), ids(small.service.items(ALICE, "n", ItemQuery.page(null, "i6", 10))));

        Fixture tiny = new Fixture(new InMemoryStore(), ServiceSettings.defaults().withMaxStanzaBytes(16 * 1024));
        tiny.leaf("n");
        tiny.service.publish(OWNER, "n", "big", entry("y".repeat(20_000)), null);
        assertEquals(List.of("big"), ids(tiny.service.items(ALICE, "n", ItemQuery.all())));
    }

    @Test
    void whitelistNodeRefusesItemsToNonMembersWithClosedNode() {
        service.configure(OWNER, "n", Fixture.form("pubsub#access_model", "whitelist"));
        assertError(PubSubError.CLOSED_NODE, () -> service.items(ALICE, "n", ItemQuery.all()));
    }

    @Test
    void authorizeNodeGivesItemsToSubscribersOnly() {
        service.configure(OWNER, "n", Fixture.form("pubsub#access_model", "authorize"));
        assertError(PubSubError.ITEMS_NOT_SUBSCRIBED, () -> service.items(ALICE, "n", ItemQuery.all()));
        service.subscribe(ALICE, "n", ALICE, null);
        service.answerPending(OWNER, "n", ALICE, null, true);
        assertEquals(10, service.items(ALICE, "n", ItemQuery.all()).items().size());
    }

    @Test
    void outcastsAndPublishOnlyMayNotRetrieve() {
        service.modifyAffiliations(OWNER, "n", List.of(
                new AffiliationEntry("n", "alice@example.test", Affiliation.OUTCAST),
                new AffiliationEntry("n", "bob@example.test", Affiliation.PUBLISH_ONLY)));
        assertError(PubSubError.FORBIDDEN, () -> service.items(ALICE, "n", ItemQuery.all()));
        assertError(PubSubError.FORBIDDEN, () -> service.items(Fixture.BOB, "n", ItemQuery.all()));
    }

    @Test
    void itemsOfAMissingNodeOrACollection() {
        assertError(PubSubError.NODE_NOT_FOUND, () -> service.items(ALICE, "absent", ItemQuery.all()));
        f.collection("c");
        assertError(PubSubError.UNSUPPORTED_RETRIEVE_ITEMS, () -> service.items(ALICE, "c", ItemQuery.all()));
    }
}
