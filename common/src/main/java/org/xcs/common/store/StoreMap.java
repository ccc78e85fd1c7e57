package org.xcs.common.store;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A sorted, persistent map view. Keys are ordered by their encoded bytes (see {@link Codec}). Writes must happen
 * inside {@link Store#transaction}. Paging reads ({@link #ascending}, {@link #descending}) touch only the entries
 * they return, so a node with 100,000 items is paged without reading it whole.
 */
public interface StoreMap<K, V> {

    /** The value, or null. */
    V get(K key);

    boolean containsKey(K key);

    /** Stores the value; returns the previous one or null. */
    V put(K key, V value);

    /** Removes the key; returns the previous value or null. */
    V remove(K key);

    /** Removes every entry of this view. */
    void clear();

    /** Entry count; for a {@link #range} view this walks the range. */
    long size();

    boolean isEmpty();

    /** The entry with the lowest key, or null when empty. */
    Map.Entry<K, V> first();

    /** The entry with the highest key, or null when empty. */
    Map.Entry<K, V> last();

    /**
     * Up to {@code limit} entries in ascending key order, starting at {@code from} (included when {@code
     * inclusive}); {@code from == null} starts at the lowest key.
     */
    List<Map.Entry<K, V>> ascending(K from, boolean inclusive, int limit);

    /**
     * Up to {@code limit} entries in descending key order, starting at {@code from} (included when {@code
     * inclusive}); {@code from == null} starts at the highest key.
     */
    List<Map.Entry<K, V>> descending(K from, boolean inclusive, int limit);

    /** Visits every entry in ascending key order without collecting them; holds the store lock meanwhile. */
    void forEach(BiConsumer<? super K, ? super V> action);

    /**
     * The entries with {@code fromInclusive <= key < toExclusive} as a view (null = unbounded on that side); e.g.
     * all items of one node when keys are {@code node + "\0" + itemId}. Writing a key outside the range throws
     * {@link IllegalArgumentException}.
     */
    StoreMap<K, V> range(K fromInclusive, K toExclusive);
}
