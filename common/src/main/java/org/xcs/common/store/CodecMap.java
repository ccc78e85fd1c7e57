package org.xcs.common.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * {@link StoreMap} over a raw byte map ordered unsigned-lexicographically, optionally restricted to
 * {@code [lo, hi)}. Bounds are applied here rather than through {@code subMap} views, so paging from a key outside
 * the range clamps instead of throwing.
 */
final class CodecMap<K, V> implements StoreMap<K, V> {

    private final LockingStore store;
    private final NavigableMap<byte[], byte[]> raw;
    private final byte[] lo; // inclusive, null = unbounded
    private final byte[] hi; // exclusive, null = unbounded
    private final Codec<K> keys;
    private final Codec<V> values;

    CodecMap(LockingStore store, NavigableMap<byte[], byte[]> raw, byte[] lo, byte[] hi, Codec<K> keys,
             Codec<V> values) {
        this.store = store;
        this.raw = raw;
        this.lo = lo;
        this.hi = hi;
        this.keys = Objects.requireNonNull(keys, "keys");
        this.values = Objects.requireNonNull(values, "values");
    }

    @Override
    public V get(K key) {
        byte[] k = encodeKey(key);
        if (!inRange(k)) {
            return null;
        }
        byte[] v = read(() -> raw.get(k));
        return v == null ? null : values.decode(v);
    }

    @Override
    public boolean containsKey(K key) {
        byte[] k = encodeKey(key);
        return inRange(k) && read(() -> raw.containsKey(k));
    }

    @Override
    public V put(K key, V value) {
        byte[] k = encodeKey(key);
        if (!inRange(k)) {
            throw new IllegalArgumentException("key outside this range view");
        }
        byte[] v = values.encode(Objects.requireNonNull(value, "value"));
        store.checkWrite();
        byte[] previous = store.write(() -> raw.put(k, v));
        store.wrote(raw, k, previous, v);
        return previous == null ? null : values.decode(previous);
    }

    @Override
    public V remove(K key) {
        byte[] k = encodeKey(key);
        store.checkWrite();
        if (!inRange(k)) {
            return null;
        }
        byte[] previous = store.write(() -> raw.remove(k));
        if (previous == null) {
            return null; // nothing changed: the transaction needs no commit for this
        }
        store.wrote(raw, k, previous, null);
        return values.decode(previous);
    }

    @Override
    public void clear() {
        store.checkWrite();
        NavigableMap<byte[], byte[]> bounded = bounded();
        store.write(() -> {
            Map.Entry<byte[], byte[]> e;
            while ((e = bounded.pollFirstEntry()) != null) {
                store.wrote(raw, e.getKey(), e.getValue(), null);
            }
            return null;
        });
    }

    @Override
    public long size() {
        return read(() -> (long) bounded().size());
    }

    @Override
    public boolean isEmpty() {
        return read(() -> bounded().isEmpty());
    }

    @Override
    public Map.Entry<K, V> first() {
        return read(() -> decode(bounded().firstEntry()));
    }

    @Override
    public Map.Entry<K, V> last() {
        return read(() -> decode(bounded().lastEntry()));
    }

    @Override
    public List<Map.Entry<K, V>> ascending(K from, boolean inclusive, int limit) {
        requirePositive(limit);
        byte[] start = from == null ? null : encodeKey(from);
        return read(() -> {
            NavigableMap<byte[], byte[]> tail;
            if (start == null || (lo != null && compare(start, lo) < 0)) {
                tail = lo == null ? raw : raw.tailMap(lo, true);
            } else {
                tail = raw.tailMap(start, inclusive);
            }
            return collect(tail.entrySet().iterator(), limit, k -> hi == null || compare(k, hi) < 0);
        });
    }

    @Override
    public List<Map.Entry<K, V>> descending(K from, boolean inclusive, int limit) {
        requirePositive(limit);
        byte[] start = from == null ? null : encodeKey(from);
        return read(() -> {
            NavigableMap<byte[], byte[]> head;
            if (start == null || (hi != null && compare(start, hi) >= 0)) {
                head = hi == null ? raw.descendingMap() : raw.headMap(hi, false).descendingMap();
            } else {
                head = raw.headMap(start, inclusive).descendingMap();
            }
            return collect(head.entrySet().iterator(), limit, k -> lo == null || compare(k, lo) >= 0);
        });
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        read(() -> {
            for (Map.Entry<byte[], byte[]> e : bounded().entrySet()) {
                action.accept(keys.decode(e.getKey()), values.decode(e.getValue()));
            }
            return null;
        });
    }

    @Override
    public StoreMap<K, V> range(K fromInclusive, K toExclusive) {
        byte[] from = fromInclusive == null ? null : encodeKey(fromInclusive);
        byte[] to = toExclusive == null ? null : encodeKey(toExclusive);
        byte[] newLo = lo == null ? from : from == null ? lo : max(lo, from);
        byte[] newHi = hi == null ? to : to == null ? hi : min(hi, to);
        return new CodecMap<>(store, raw, newLo, newHi, keys, values);
    }

    private NavigableMap<byte[], byte[]> bounded() {
        if (lo != null && hi != null) {
            // An empty or inverted range is legal for callers: nothing matches.
            return compare(lo, hi) >= 0 ? raw.subMap(lo, true, lo, false) : raw.subMap(lo, true, hi, false);
        }
        if (lo != null) {
            return raw.tailMap(lo, true);
        }
        if (hi != null) {
            return raw.headMap(hi, false);
        }
        return raw;
    }

    private List<Map.Entry<K, V>> collect(Iterator<Map.Entry<byte[], byte[]>> it, int limit,
                                          java.util.function.Predicate<byte[]> withinBound) {
        List<Map.Entry<K, V>> out = new ArrayList<>(Math.min(limit, 256));
        while (out.size() < limit && it.hasNext()) {
            Map.Entry<byte[], byte[]> e = it.next();
            if (!withinBound.test(e.getKey())) {
                break;
            }
            out.add(decode(e));
        }
        return out;
    }

    private Map.Entry<K, V> decode(Map.Entry<byte[], byte[]> e) {
        return e == null ? null : Map.entry(keys.decode(e.getKey()), values.decode(e.getValue()));
    }

    private <T> T read(java.util.function.Supplier<T> call) {
        return store.read(call);
    }

    private byte[] encodeKey(K key) {
        return keys.encode(Objects.requireNonNull(key, "key"));
    }

    private boolean inRange(byte[] k) {
        return (lo == null || compare(k, lo) >= 0) && (hi == null || compare(k, hi) < 0);
    }

    private static void requirePositive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    private static byte[] max(byte[] a, byte[] b) {
        return compare(a, b) >= 0 ? a : b;
    }

    private static byte[] min(byte[] a, byte[] b) {
        return compare(a, b) <= 0 ? a : b;
    }
}
