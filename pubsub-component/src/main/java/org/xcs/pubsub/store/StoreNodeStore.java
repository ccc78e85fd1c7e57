package org.xcs.pubsub.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.xcs.common.store.Codec;
import org.xcs.common.store.Store;
import org.xcs.common.store.StoreMap;
import org.xcs.pubsub.store.RecordCodecs.ItemStats;

/**
 * {@link NodeStore} over the suite's {@link Store}. Composite keys join their parts with NUL, which XML cannot
 * carry (so no node id or JID contains it) and which sorts before every other character: the keys of one node,
 * {@code node + "\0" + ...}, form one contiguous range.
 *
 * <pre>
 * pubsub.nodes         node                         -> StoredNode
 * pubsub.children      parent\0child                -> ""          (XEP-0248 tree, child side is in StoredNode)
 * pubsub.items         node\0seq(16 hex digits)     -> StoredItem  (publish order)
 * pubsub.itemIds       node\0itemId                 -> seq
 * pubsub.itemStats     node                         -> count, next seq (no range walks to count)
 * pubsub.expiring      node                         -> ""          (nodes with pubsub#item_expire)
 * pubsub.affiliations  node\0bareJid                -> affiliation
 * pubsub.affByEntity   bareJid\0node                -> affiliation
 * pubsub.subs          node\0bareJid\0jid\0subid    -> StoredSubscription
 * pubsub.subsByEntity  bareJid\0node\0jid\0subid    -> ""
 * pubsub.pending       node\0bareJid\0jid\0subid    -> ""
 * </pre>
 * The PEP services ({@link PepNodeStores}) use the same layout in maps named {@code pep.*}, every key prefixed with
 * the owner's bare JID and NUL.
 */
public final class StoreNodeStore implements NodeStore {

    private static final String SEP = "\0";
    private static final int PAGE = 512;

    private final Store store;
    private final StoreMap<String, StoredNode> nodes;
    private final StoreMap<String, String> children;
    private final StoreMap<String, StoredItem> items;
    private final StoreMap<String, Long> itemIds;
    private final StoreMap<String, ItemStats> stats;
    private final StoreMap<String, String> expiring;
    private final StoreMap<String, String> affiliations;
    private final StoreMap<String, String> affiliationsByEntity;
    private final StoreMap<String, StoredSubscription> subscriptions;
    private final StoreMap<String, String> subscriptionsByEntity;
    private final StoreMap<String, String> pendingIndex;

    /** The maps of one node store; the PEP services share one set, each owner seeing its scope. */
    record Maps(StoreMap<String, StoredNode> nodes, StoreMap<String, String> children,
                StoreMap<String, StoredItem> items, StoreMap<String, Long> itemIds,
                StoreMap<String, ItemStats> stats, StoreMap<String, String> expiring,
                StoreMap<String, String> affiliations, StoreMap<String, String> affiliationsByEntity,
                StoreMap<String, StoredSubscription> subscriptions, StoreMap<String, String> subscriptionsByEntity,
                StoreMap<String, String> pendingIndex) {

        static Maps open(Store store, String prefix) {
            return new Maps(store.map(prefix + "nodes", Codec.STRING, RecordCodecs.NODE),
                    store.map(prefix + "children", Codec.STRING, Codec.STRING),
                    store.map(prefix + "items", Codec.STRING, RecordCodecs.ITEM),
                    store.map(prefix + "itemIds", Codec.STRING, Codec.LONG),
                    store.map(prefix + "itemStats", Codec.STRING, RecordCodecs.STATS),
                    store.map(prefix + "expiring", Codec.STRING, Codec.STRING),
                    store.map(prefix + "affiliations", Codec.STRING, Codec.STRING),
                    store.map(prefix + "affByEntity", Codec.STRING, Codec.STRING),
                    store.map(prefix + "subs", Codec.STRING, RecordCodecs.SUBSCRIPTION),
                    store.map(prefix + "subsByEntity", Codec.STRING, Codec.STRING),
                    store.map(prefix + "pending", Codec.STRING, Codec.STRING));
        }

        /** Every map seen through {@code scope}: keys gain the prefix on the way in and lose it on the way out. */
        Maps scoped(String scope) {
            return new Maps(new ScopedStoreMap<>(nodes, scope), new ScopedStoreMap<>(children, scope),
                    new ScopedStoreMap<>(items, scope), new ScopedStoreMap<>(itemIds, scope),
                    new ScopedStoreMap<>(stats, scope), new ScopedStoreMap<>(expiring, scope),
                    new ScopedStoreMap<>(affiliations, scope), new ScopedStoreMap<>(affiliationsByEntity, scope),
                    new ScopedStoreMap<>(subscriptions, scope), new ScopedStoreMap<>(subscriptionsByEntity, scope),
                    new ScopedStoreMap<>(pendingIndex, scope));
        }
    }

    private final OldestFloors floors;
    /** Prefixes this store's node ids in {@link #floors}, which the PEP services share. */
    private final String floorScope;

    /** Opens the maps: call at start-up, outside transactions. */
    public StoreNodeStore(Store store) {
        this(store, Maps.open(store, "pubsub."), new OldestFloors(), "");
    }

    StoreNodeStore(Store store, Maps maps, OldestFloors floors, String floorScope) {
        this.store = store;
        this.floors = floors;
        this.floorScope = floorScope;
        this.nodes = maps.nodes();
        this.children = maps.children();
        this.items = maps.items();
        this.itemIds = maps.itemIds();
        this.stats = maps.stats();
        this.expiring = maps.expiring();
        this.affiliations = maps.affiliations();
        this.affiliationsByEntity = maps.affiliationsByEntity();
        this.subscriptions = maps.subscriptions();
        this.subscriptionsByEntity = maps.subscriptionsByEntity();
        this.pendingIndex = maps.pendingIndex();
    }

    @Override
    public <T> T transaction(Supplier<T> work) {
        return store.transaction(work);
    }

    // ---- nodes

    @Override
    public StoredNode node(String id) {
        return nodes.get(part(id));
    }

    @Override
    public void putNode(StoredNode node) {
        StoredNode previous = nodes.put(part(node.id()), node);
        if (previous != null) {
            for (String parent : previous.parents()) {
                children.remove(key(parent, node.id()));
            }
        }
        for (String parent : node.parents()) {
            children.put(key(part(parent), node.id()), "");
        }
    }

    @Override
    public void deleteNode(String id) {
        StoredNode node = nodes.remove(part(id));
        if (node != null) {
            for (String parent : node.parents()) {
                children.remove(key(parent, id));
            }
        }
        prefix(children, id).clear();
        prefix(items, id).clear();
        prefix(itemIds, id).clear();
        stats.remove(id);
        floors.forget(floorScope + id); // a node created again under this id numbers its items from 1
        expiring.remove(id);
        for (String bare : new ArrayList<>(affiliations(id).keySet())) {
            affiliationsByEntity.remove(key(bare, id));
        }
        prefix(affiliations, id).clear();
        StoreMap<String, StoredSubscription> subs = prefix(subscriptions, id);
        List<Map.Entry<String, StoredSubscription>> page;
        while (!(page = subs.ascending(null, true, PAGE)).isEmpty()) {
            for (Map.Entry<String, StoredSubscription> e : page) {
                removeSubscription(e.getValue().node(), e.getValue().jid(), e.getValue().subid());
            }
        }
    }

    @Override
    public List<String> nodeIds(String after, int limit) {
        return nodes.ascending(after, after == null, limit).stream().map(Map.Entry::getKey).toList();
    }

    @Override
    public List<String> children(String parent) {
        String prefix = part(parent) + SEP;
        List<String> out = new ArrayList<>();
        StoreMap<String, String> range = prefix(children, parent);
        String from = null;
        List<Map.Entry<String, String>> page;
        while (!(page = range.ascending(from, false, PAGE)).isEmpty()) {
            for (Map.Entry<String, String> e : page) {
                out.add(e.getKey().substring(prefix.length()));
            }
            from = page.get(page.size() - 1).getKey();
        }
        return out;
    }

    // ---- items

    @Override
    public long itemCount(String node) {
        ItemStats s = stats.get(part(node));
        return s == null ? 0 : s.count();
    }

    @Override
    public StoredItem item(String node, String itemId) {
        Long seq = itemIds.get(key(node, part(itemId)));
        return seq == null ? null : items.get(seqKey(node, seq));
    }

    @Override
    public StoredItem appendItem(String node, String itemId, String publisher, long publishedMillis,
                                 String payload) {
        String idKey = key(part(node), part(itemId));
        ItemStats s = stats.get(node);
        long count = s == null ? 0 : s.count();
        long seq = s == null ? 1 : s.nextSeq();
        Long previous = itemIds.get(idKey);
        if (previous != null && items.remove(seqKey(node, previous)) != null) {
            count--;
        }
        StoredItem item = new StoredItem(itemId, seq, publisher, publishedMillis, payload);
        items.put(seqKey(node, seq), item);
        itemIds.put(idKey, seq);
        stats.put(node, new ItemStats(count + 1, seq + 1));
        return item;
    }

    @Override
    public StoredItem removeItem(String node, String itemId) {
        Long seq = itemIds.remove(key(node, part(itemId)));
        if (seq == null) {
            return null;
        }
        StoredItem removed = items.remove(seqKey(node, seq));
        if (removed != null) {
            ItemStats s = stats.get(node);
            stats.put(node, new ItemStats(s.count() - 1, s.nextSeq()));
        }
        return removed;
    }

    @Override
    public List<StoredItem> oldest(String node, int limit) {
        // Not from the node's first key: from its floor, past the emptied leaves of what it trimmed (OldestFloors).
        String floorKey = floorScope + node;
        Long floor = floors.get(floorKey);
        List<StoredItem> found = values(prefix(items, node).ascending(floor == null ? null : seqKey(node, floor),
                true, limit));
        if (!found.isEmpty()) {
            floors.raise(floorKey, found.get(0).seq());
        }
        return found;
    }

    @Override
    public List<StoredItem> newest(String node, int limit) {
        return values(prefix(items, node).descending(null, true, limit));
    }

    @Override
    public List<StoredItem> after(String node, long seq, int limit) {
        return values(prefix(items, node).ascending(seqKey(node, seq), false, limit));
    }

    @Override
    public List<StoredItem> before(String node, long seq, int limit) {
        return values(prefix(items, node).descending(seqKey(node, seq), false, limit));
    }

    @Override
    public long purge(String node) {
        ItemStats s = stats.get(part(node));
        if (s == null) {
            return 0;
        }
        prefix(items, node).clear();
        prefix(itemIds, node).clear();
        // The sequence keeps counting: publish order stays monotonic across a purge.
        stats.put(node, new ItemStats(0, s.nextSeq()));
        return s.count();
    }

    @Override
    public void markExpiring(String node, boolean isExpiring) {
        if (isExpiring) {
            expiring.put(part(node), "");
        } else {
            expiring.remove(part(node));
        }
    }

    @Override
    public List<String> expiringNodes(String after, int limit) {
        return expiring.ascending(after, after == null, limit).stream().map(Map.Entry::getKey).toList();
    }

    // ---- affiliations

    @Override
    public String affiliation(String node, String bareJid) {
        return affiliations.get(key(part(node), part(bareJid)));
    }

    @Override
    public void putAffiliation(String node, String bareJid, String affiliation) {
        if (affiliation == null) {
            affiliations.remove(key(part(node), part(bareJid)));
            affiliationsByEntity.remove(key(bareJid, node));
        } else {
            affiliations.put(key(part(node), part(bareJid)), affiliation);
            affiliationsByEntity.put(key(bareJid, node), affiliation);
        }
    }

    @Override
    public Map<String, String> affiliations(String node) {
        return suffixMap(prefix(affiliations, node), part(node).length() + 1);
    }

    @Override
    public Map<String, String> affiliationsOfEntity(String bareJid) {
        return suffixMap(prefix(affiliationsByEntity, bareJid), part(bareJid).length() + 1);
    }

    // ---- subscriptions

    @Override
    public StoredSubscription subscription(String node, String jid, String subid) {
        return subscriptions.get(subscriptionKey(node, jid, subid));
    }

    @Override
    public List<StoredSubscription> subscriptionsOf(String node, String bareJid) {
        List<StoredSubscription> out = new ArrayList<>();
        pages(prefix(subscriptions, node, bareJid), out::add);
        return out;
    }

    @Override
    public void forEachSubscription(String node, Consumer<StoredSubscription> action) {
        pages(prefix(subscriptions, node), action);
    }

    @Override
    public List<StoredSubscription> subscriptionsOfEntity(String bareJid) {
        List<StoredSubscription> out = new ArrayList<>();
        StoreMap<String, String> range = prefix(subscriptionsByEntity, bareJid);
        String from = null;
        List<Map.Entry<String, String>> page;
        while (!(page = range.ascending(from, false, PAGE)).isEmpty()) {
            for (Map.Entry<String, String> e : page) {
                String[] parts = e.getKey().split(SEP, -1); // bare, node, jid, subid
                StoredSubscription s = subscription(parts[1], parts[2], parts[3]);
                if (s != null) {
                    out.add(s);
                }
            }
            from = page.get(page.size() - 1).getKey();
        }
        return out;
    }

    @Override
    public List<StoredSubscription> pending(String node) {
        List<StoredSubscription> out = new ArrayList<>();
        for (Map.Entry<String, String> e : prefix(pendingIndex, node).ascending(null, true, Integer.MAX_VALUE)) {
            StoredSubscription s = subscriptions.get(e.getKey());
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public void putSubscription(StoredSubscription s) {
        String k = subscriptionKey(s.node(), s.jid(), s.subid());
        subscriptions.put(k, s);
        subscriptionsByEntity.put(String.join(SEP, bare(s.jid()), s.node(), s.jid(), s.subid()), "");
        if (s.pending()) {
            pendingIndex.put(k, "");
        } else {
            pendingIndex.remove(k);
        }
    }

    @Override
    public void removeSubscription(String node, String jid, String subid) {
        String k = subscriptionKey(node, jid, subid);
        if (subscriptions.remove(k) != null) {
            subscriptionsByEntity.remove(String.join(SEP, bare(jid), node, jid, subid));
            pendingIndex.remove(k);
        }
    }

    // ---- keys

    private static String subscriptionKey(String node, String jid, String subid) {
        return String.join(SEP, part(node), bare(part(jid)), jid, part(subid));
    }

    private static String key(String a, String b) {
        return a + SEP + b;
    }

    private static String seqKey(String node, long seq) {
        return part(node) + SEP + String.format("%016x", seq);
    }

    /** The view of every key starting with {@code parts[0] \0 parts[1] \0 ...}. */
    private static <V> StoreMap<String, V> prefix(StoreMap<String, V> map, String... parts) {
        for (String p : parts) {
            part(p);
        }
        String joined = String.join(SEP, parts);
        // "\u0001" is the least string above every "<prefix>\0..." key.
        return map.range(joined + SEP, joined + "\u0001");
    }

    private static String part(String s) {
        if (s == null || s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("null or NUL-containing key part");
        }
        return s;
    }

    private static String bare(String jid) {
        int slash = jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }

    private static <V> void pages(StoreMap<String, V> range, Consumer<V> action) {
        String from = null;
        List<Map.Entry<String, V>> page;
        while (!(page = range.ascending(from, false, PAGE)).isEmpty()) {
            for (Map.Entry<String, V> e : page) {
                action.accept(e.getValue());
            }
            from = page.get(page.size() - 1).getKey();
        }
    }

    private static Map<String, String> suffixMap(StoreMap<String, String> range, int prefixLength) {
        Map<String, String> out = new LinkedHashMap<>();
        String from = null;
        List<Map.Entry<String, String>> page;
        while (!(page = range.ascending(from, false, PAGE)).isEmpty()) {
            for (Map.Entry<String, String> e : page) {
                out.put(e.getKey().substring(prefixLength), e.getValue());
            }
            from = page.get(page.size() - 1).getKey();
        }
        return out;
    }

    private static List<StoredItem> values(List<Map.Entry<String, StoredItem>> entries) {
        return entries.stream().map(Map.Entry::getValue).toList();
    }
}
