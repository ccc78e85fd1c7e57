package org.xcs.pubsub.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.pubsub.service.Fixture.OWNER;
import static org.xcs.pubsub.service.Fixture.entry;
import static org.xcs.pubsub.service.Fixture.form;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.store.InMemoryStore;
import org.xcs.pubsub.store.StoredSubscription;

/**
 * The scale promises, measured in entries read (never in time): a node of 100,000 items pages, trims and
 * expires by touching only what it returns or removes; a publish to 10,000 subscribers addresses each once.
 */
class ScaleTest {

    private static final int ITEMS = 100_000;
    private static final long READ_BUDGET = 100;

    private final CountingStore store = new CountingStore(new InMemoryStore());
    private final Fixture f = new Fixture(store, ServiceSettings.defaults());
    private final PubSubService service = f.service;

    @BeforeEach
    void bigNode() {
        f.leaf("big", "pubsub#max_items", "max");
        f.nodes.transaction(() -> {
            for (int i = 0; i < ITEMS; i++) {
                f.nodes.appendItem("big", "i" + i, OWNER, f.clock.millis(), "<p>" + i + "</p>");
            }
            return null;
        });
    }

    private long readsOf(Runnable call) {
        long before = store.entriesRead.get();
        call.run();
        return store.entriesRead.get() - before;
    }

    @Test
    void aPageOfAHundredThousandItemNodeReadsOnlyThePage() {
        ItemPage[] page = new ItemPage[1];
        long reads = readsOf(() -> page[0] = service.items("alice@example.test", "big",
                ItemQuery.page("i50000", null, 20)));
        assertEquals("i50001", page[0].firstId());
        assertEquals("i50020", page[0].lastId());
        assertEquals(ITEMS, page[0].count());
        assertTrue(reads < READ_BUDGET, "read " + reads + " entries");
    }

    @Test
    void theLastPageAndTheMostRecentItemsReadOnlyWhatTheyReturn() {
        assertTrue(readsOf(() -> service.items("alice@example.test", "big", ItemQuery.page(null, "", 10)))
                < READ_BUDGET);
        assertTrue(readsOf(() -> service.items("alice@example.test", "big", ItemQuery.latest(10))) < READ_BUDGET);
        assertTrue(readsOf(() -> service.items("alice@example.test", "big", ItemQuery.page(null, "i99990", 10)))
                < READ_BUDGET);
    }

    @Test
    void publishingToAFullBigNodeTrimsFromTheOldestWithoutScanning() {
        service.configure(OWNER, "big", form("pubsub#max_items", Integer.toString(ITEMS)));
        long reads = readsOf(() -> service.publish(OWNER, "big", "new", entry("x"), null));
        assertEquals(ITEMS, service.itemCount("big"));
        assertEquals("i1", service.items(OWNER, "big", ItemQuery.page(null, null, 1)).firstId());
        assertTrue(reads < READ_BUDGET, "read " + reads + " entries");
    }

    @Test
    void expiryRemovesOnlyExpiredItemsFromTheFront() {
        service.configure(OWNER, "big", form("pubsub#item_expire", "60"));
        f.clock.advanceSeconds(30);
        long reads = readsOf(service::expireItems);
        assertEquals(ITEMS, service.itemCount("big"));
        assertTrue(reads < READ_BUDGET, "read " + reads + " entries");
    }

    @Test
    void aPublishToTenThousandSubscribersAddressesEachOnce() {
        f.leaf("popular");
        f.nodes.transaction(() -> {
            for (int i = 0; i < 10_000; i++) {
                f.nodes.putSubscription(new StoredSubscription("popular", "user" + i + "@example.test", "s" + i,
                        "subscribed", Map.of()));
            }
            return null;
        });
        Outcome<String> o = service.publish(OWNER, "popular", "i", entry("x"), null);
        assertEquals(10_000, o.notifications().size());
        Set<String> recipients = new HashSet<>(Fixture.recipients(o));
        assertEquals(10_000, recipients.size());
        assertEquals(List.of("s42"), o.notifications().stream()
                .filter(n -> n.recipient().equals("user42@example.test")).findFirst().orElseThrow().subids());
    }
}
