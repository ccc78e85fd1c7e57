package org.xcs.pubsub.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link NodeStore} that keeps the decoded subscriptions and records of recently used nodes in memory. Every
 * publish reads its node and walks all its subscriptions (XEP-0060 §7.1.2: one notification per subscriber), and
 * reading and decoding them from the store was most of what a notification cost. Only {@link #node} and
 * {@link #forEachSubscription} are served from memory; everything else passes through.
 *
 * <p>What is cached only ever shows committed state, with no more staleness than a read of the store itself:
 * <ul>
 * <li>A transaction that changes a node (its record, its subscriptions, or deletes it) drops what is cached of it
 * before its first such write and keeps the node "in flight" until its outermost {@link #transaction} has returned
 * (its writes are durable) or thrown (the store has rolled them back). While a node is in flight nobody fills its
 * entry: reads go to the store, which holds readers back while the writer runs and shows them what the store shows
 * (its own writes to the writing transaction, the rolled-back state after a failure).</li>
 * <li>A failing transaction can also roll back other threads' applied, not yet durable writes (group commit, see
 * {@link org.xcs.common.store.Store}); their transactions then fail too, so their nodes stay in flight until the
 * store has undone them.</li>
 * <li>A fill that began before a write of its node is never installed: each fill holds a ticket that the write
 * revokes.</li>
 * </ul>
 * So nodes and subscriptions must be written inside this store's {@link #transaction}, not one opened on the
 * underlying {@link org.xcs.common.store.Store} (a write there is refused), and the underlying maps must have no
 * other writer.
 *
 * <p>Memory: at most {@code maxCached} subscriptions and records overall (each node's list counting one more), the
 * least recently used nodes dropped first; a node with more subscriptions than that is walked from the store each
 * time. Thread-safe: the per-node queues walk and
 * write concurrently.
 */
public final class CachingNodeStore implements NodeStore {

    public static final int DEFAULT_MAX_CACHED = 100_000;

    private final NodeStore store;
    private final int maxCached;
    /** The nodes whose subscriptions the running outermost transaction of this thread wrote; null outside one. */
    private final ThreadLocal<Set<String>> written = new ThreadLocal<>();

    private final Object lock = new Object();
    /** What is cached of one node; either part may be absent. Guarded by lock. */
    private static final class Entry {
        List<StoredSubscription> subscriptions;
        StoredNode record;

        long weight() {
            return (subscriptions == null ? 0 : subscriptions.size() + 1L) + (record == null ? 0 : 1);
        }
    }

    /** Access order: the eldest entry is the least recently used node. Guarded by lock. */
    private final LinkedHashMap<String, Entry> cached = new LinkedHashMap<>(16, 0.75f, true);
    /** Node -> transactions writing it that have not ended yet. Guarded by lock. */
    private final Map<String, Integer> inFlight = new HashMap<>();
    /** Node -> the ticket of the one fill of its subscriptions that may still install them. Guarded by lock. */
    private final Map<String, Object> fills = new HashMap<>();
    /** The same for node records. Guarded by lock. */
    private final Map<String, Object> recordFills = new HashMap<>();
    private long cachedCount; // guarded by lock

    public CachingNodeStore(NodeStore store) {
        this(store, DEFAULT_MAX_CACHED);
    }

    public CachingNodeStore(NodeStore store, int maxCached) {
        if (maxCached < 0) {
            throw new IllegalArgumentException("maxCached < 0");
        }
        this.store = store;
        this.maxCached = maxCached;
    }

    @Override
    public <T> T transaction(Supplier<T> work) {
        if (written.get() != null) {
            return store.transaction(work); // nested: joins the outer transaction, which settles its nodes
        }
        Set<String> mine = new HashSet<>();
        written.set(mine);
        try {
            return store.transaction(work);
        } finally {
            written.remove();
            if (!mine.isEmpty()) {
                settle(mine);
            }
        }
    }

    // ---- the cached walk

    @Override
    public void forEachSubscription(String node, Consumer<StoredSubscription> action) {
        Set<String> mine = written.get();
        if (mine != null && mine.contains(node)) {
            store.forEachSubscription(node, action); // this transaction's own, uncommitted writes
            return;
        }
        List<StoredSubscription> hit;
        Object ticket = null;
        synchronized (lock) {
            Entry entry = cached.get(node);
            hit = entry == null ? null : entry.subscriptions;
            if (hit == null && !inFlight.containsKey(node)) {
                ticket = new Object();
                fills.put(node, ticket); // revokes an older fill's ticket: only the newest may install
            }
        }
        if (hit != null) {
            hit.forEach(action);
            return;
        }
        if (ticket == null) {
            store.forEachSubscription(node, action);
            return;
        }
        fill(node, ticket, action);
    }

    private void fill(String node, Object ticket, Consumer<StoredSubscription> action) {
        List<StoredSubscription> collected = new ArrayList<>();
        // Equal options share one map (most subscriptions have the defaults): less memory, and the service's
        // decoding memo then finds them by identity instead of comparing them field by field.
        Map<Map<String, List<String>>, Map<String, List<String>>> sharedOptions = new HashMap<>();
        boolean[] tooMany = {false};
        boolean walked = false;
        try {
            store.forEachSubscription(node, s -> {
                if (!tooMany[0]) {
                    if (collected.size() < maxCached - 1) {
                        collected.add(withSharedOptions(s, sharedOptions));
                    } else {
                        tooMany[0] = true; // walked from the store every time; collecting would only cost memory
                        collected.clear();
                    }
                }
                action.accept(s);
            });
            walked = true;
        } finally {
            synchronized (lock) {
                if (fills.remove(node, ticket) && walked && !tooMany[0]) {
                    List<StoredSubscription> subscriptions = Collections.unmodifiableList(collected);
                    install(node, e -> e.subscriptions = subscriptions);
                }
            }
        }
    }

    private static StoredSubscription withSharedOptions(StoredSubscription s,
                                                        Map<Map<String, List<String>>, Map<String, List<String>>> shared) {
        Map<String, List<String>> options = shared.putIfAbsent(s.options(), s.options());
        // The record keeps an immutable map as it is (Map.copyOf), so the copy holds the shared instance.
        return options == null || options == s.options() ? s
                : new StoredSubscription(s.node(), s.jid(), s.subid(), s.state(), options);
    }

    /** Under the lock. */
    private void install(String node, Consumer<Entry> change) {
        Entry entry = cached.computeIfAbsent(node, n -> new Entry());
        cachedCount -= entry.weight();
        change.accept(entry);
        cachedCount += entry.weight();
        Iterator<Entry> eldest = cached.values().iterator();
        while (cachedCount > maxCached && eldest.hasNext()) {
            cachedCount -= eldest.next().weight();
            eldest.remove();
        }
    }

    /** Before the first write of {@code node} (its record or subscriptions) in this transaction. */
    private void touch(String node) {
        Set<String> mine = written.get();
        if (mine == null) {
            throw new IllegalStateException("nodes and subscriptions are written inside CachingNodeStore.transaction");
        }
        if (mine.add(node)) {
            synchronized (lock) {
                inFlight.merge(node, 1, Integer::sum);
                forget(node);
            }
        }
    }

    /** The transaction has ended: its writes are durable, or rolled back. The next walk reads them from the store. */
    private void settle(Set<String> nodes) {
        synchronized (lock) {
            for (String node : nodes) {
                inFlight.computeIfPresent(node, (n, count) -> count == 1 ? null : count - 1);
                forget(node);
            }
        }
    }

    /** Under the lock. */
    private void forget(String node) {
        Entry dropped = cached.remove(node);
        if (dropped != null) {
            cachedCount -= dropped.weight();
        }
        fills.remove(node);
        recordFills.remove(node);
    }

    // ---- the cached node record

    @Override
    public StoredNode node(String id) {
        Set<String> mine = written.get();
        if (mine != null && mine.contains(id)) {
            return store.node(id);
        }
        Object ticket = null;
        synchronized (lock) {
            Entry entry = cached.get(id);
            if (entry != null && entry.record != null) {
                return entry.record;
            }
            if (!inFlight.containsKey(id)) {
                ticket = new Object();
                recordFills.put(id, ticket);
            }
        }
        StoredNode record = null;
        try {
            record = store.node(id);
            return record;
        } finally {
            if (ticket != null) {
                StoredNode read = record;
                synchronized (lock) {
                    if (recordFills.remove(id, ticket) && read != null) {
                        install(id, e -> e.record = read);
                    }
                }
            }
        }
    }

    // ---- writes

    @Override
    public void putSubscription(StoredSubscription subscription) {
        touch(subscription.node());
        store.putSubscription(subscription);
    }

    @Override
    public void removeSubscription(String node, String jid, String subid) {
        touch(node);
        store.removeSubscription(node, jid, subid);
    }

    @Override
    public void deleteNode(String id) {
        touch(id);
        store.deleteNode(id);
    }

    @Override
    public void putNode(StoredNode node) {
        touch(node.id());
        store.putNode(node);
    }

    // ---- everything else passes through

    @Override
    public List<String> nodeIds(String after, int limit) {
        return store.nodeIds(after, limit);
    }

    @Override
    public List<String> children(String parent) {
        return store.children(parent);
    }

    @Override
    public long itemCount(String node) {
        return store.itemCount(node);
    }

    @Override
    public StoredItem item(String node, String itemId) {
        return store.item(node, itemId);
    }

    @Override
    public StoredItem appendItem(String node, String itemId, String publisher, long publishedMillis,
                                 String payload) {
        return store.appendItem(node, itemId, publisher, publishedMillis, payload);
    }

    @Override
    public StoredItem removeItem(String node, String itemId) {
        return store.removeItem(node, itemId);
    }

    @Override
    public List<StoredItem> oldest(String node, int limit) {
        return store.oldest(node, limit);
    }

    @Override
    public List<StoredItem> newest(String node, int limit) {
        return store.newest(node, limit);
    }

    @Override
    public List<StoredItem> after(String node, long seq, int limit) {
        return store.after(node, seq, limit);
    }

    @Override
    public List<StoredItem> before(String node, long seq, int limit) {
        return store.before(node, seq, limit);
    }

    @Override
    public long purge(String node) {
        return store.purge(node); // items only: subscriptions stay
    }

    @Override
    public void markExpiring(String node, boolean expiring) {
        store.markExpiring(node, expiring);
    }

    @Override
    public List<String> expiringNodes(String after, int limit) {
        return store.expiringNodes(after, limit);
    }

    @Override
    public String affiliation(String node, String bareJid) {
        return store.affiliation(node, bareJid);
    }

    @Override
    public void putAffiliation(String node, String bareJid, String affiliation) {
        store.putAffiliation(node, bareJid, affiliation);
    }

    @Override
    public Map<String, String> affiliations(String node) {
        return store.affiliations(node);
    }

    @Override
    public Map<String, String> affiliationsOfEntity(String bareJid) {
        return store.affiliationsOfEntity(bareJid);
    }

    @Override
    public StoredSubscription subscription(String node, String jid, String subid) {
        return store.subscription(node, jid, subid);
    }

    @Override
    public List<StoredSubscription> subscriptionsOf(String node, String bareJid) {
        return store.subscriptionsOf(node, bareJid);
    }

    @Override
    public List<StoredSubscription> subscriptionsOfEntity(String bareJid) {
        return store.subscriptionsOfEntity(bareJid);
    }

    @Override
    public List<StoredSubscription> pending(String node) {
        return store.pending(node);
    }
}
