package org.xcs.pubsub.store;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Persistence of a pubsub service. Writes must run inside {@link #transaction}; a transaction that throws leaves
 * nothing changed. Reads outside a transaction see committed data.
 *
 * <p>Cost contract: reads by key or by page touch only what they return; {@link #itemCount} is O(1) (a counter,
 * not a walk); trimming and expiry work from the oldest item forwards and stop at the first one to keep.
 */
public interface NodeStore {

    <T> T transaction(Supplier<T> work);

    // ---- nodes

    /** The node, or null. */
    StoredNode node(String id);

    /** Creates or replaces a node; keeps the child index in line with its {@code parents}. */
    void putNode(StoredNode node);

    /**
     * Removes the node with all its items, affiliations and subscriptions, and its links as a child. Links where it
     * is the parent are removed from the index; updating those children's {@code parents} is the caller's part.
     */
    void deleteNode(String id);

    /** Node ids in ascending order after {@code after} (exclusive; null = from the start). */
    List<String> nodeIds(String after, int limit);

    /** Ids of the nodes whose {@code parents} contain {@code parent}, ascending. */
    List<String> children(String parent);

    // ---- items

    long itemCount(String node);

    /** The item, or null. */
    StoredItem item(String node, String itemId);

    /**
     * Appends the item as the newest of the node. An existing item with the same id is dropped first (XEP-0060
     * §12.1: overwriting moves the id to the newest place). Returns the stored item.
     */
    StoredItem appendItem(String node, String itemId, String publisher, long publishedMillis, String payload);

    /** Removes the item; returns it, or null when absent. */
    StoredItem removeItem(String node, String itemId);

    /** Up to {@code limit} items from the oldest, oldest first. */
    List<StoredItem> oldest(String node, int limit);

    /** Up to {@code limit} items from the newest, newest first. */
    List<StoredItem> newest(String node, int limit);

    /** Up to {@code limit} items published after the one at {@code seq}, oldest first. */
    List<StoredItem> after(String node, long seq, int limit);

    /** Up to {@code limit} items published before the one at {@code seq}, newest first. */
    List<StoredItem> before(String node, long seq, int limit);

    /** Removes every item of the node; returns how many. */
    long purge(String node);

    /** Marks the node as having items that expire (pubsub#item_expire), so the sweeper visits it. */
    void markExpiring(String node, boolean expiring);

    List<String> expiringNodes(String after, int limit);

    // ---- affiliations (bare JIDs; "none" is stored as absence)

    /** The affiliation name, or null for none. */
    String affiliation(String node, String bareJid);

    /** Sets the affiliation; null removes it. */
    void putAffiliation(String node, String bareJid, String affiliation);

    /** bare JID -> affiliation, ascending by JID. */
    Map<String, String> affiliations(String node);

    /** node -> affiliation for one entity, ascending by node. */
    Map<String, String> affiliationsOfEntity(String bareJid);

    // ---- subscriptions

    StoredSubscription subscription(String node, String jid, String subid);

    /** The subscriptions on {@code node} whose JID has the bare JID {@code bareJid} (bare or full). */
    List<StoredSubscription> subscriptionsOf(String node, String bareJid);

    /** Visits every subscription of the node in pages, so the store lock is never held for the whole walk. */
    void forEachSubscription(String node, Consumer<StoredSubscription> action);

    /** The subscriptions of one entity (by bare JID) on every node. */
    List<StoredSubscription> subscriptionsOfEntity(String bareJid);

    /** The pending subscriptions of the node. */
    List<StoredSubscription> pending(String node);

    void putSubscription(StoredSubscription subscription);

    void removeSubscription(String node, String jid, String subid);
}
