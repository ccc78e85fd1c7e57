package org.xcs.pubsub.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.xcs.common.store.Codec;
import org.xcs.common.store.Store;
import org.xcs.common.store.StoreMap;

/** A Store that counts the entries every read hands out, so tests can bound what an operation touches. */
final class CountingStore implements Store {

    private final Store delegate;
    final AtomicLong entriesRead = new AtomicLong();

    CountingStore(Store delegate) {
        this.delegate = delegate;
    }

    @Override
    public <K, V> StoreMap<K, V> map(String name, Codec<K> keys, Codec<V> values) {
        return new CountingMap<>(delegate.map(name, keys, values));
    }

    @Override
    public <T> T transaction(Supplier<T> work) {
        return delegate.transaction(work);
    }

    @Override
    public int schemaVersion() {
        return delegate.schemaVersion();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private final class CountingMap<K, V> implements StoreMap<K, V> {
        private final StoreMap<K, V> map;

        CountingMap(StoreMap<K, V> map) {
            this.map = map;
        }

        @Override
        public V get(K key) {
            entriesRead.incrementAndGet();
            return map.get(key);
        }

        @Override
        public boolean containsKey(K key) {
            entriesRead.incrementAndGet();
            return map.containsKey(key);
        }

        @Override
        public V put(K key, V value) {
            return map.put(key, value);
        }

        @Override
        public V remove(K key) {
            return map.remove(key);
        }

        @Override
        public void clear() {
            map.clear();
        }

        @Override
        public long size() {
            long n = map.size(); // walks the view
            entriesRead.addAndGet(n);
            return n;
        }

        @Override
        public boolean isEmpty() {
            entriesRead.incrementAndGet();
            return map.isEmpty();
        }

        @Override
        public Map.Entry<K, V> first() {
            entriesRead.incrementAndGet();
            return map.first();
        }

        @Override
        public Map.Entry<K, V> last() {
            entriesRead.incrementAndGet();
            return map.last();
        }

        @Override
        public List<Map.Entry<K, V>> ascending(K from, boolean inclusive, int limit) {
            List<Map.Entry<K, V>> out = map.ascending(from, inclusive, limit);
            entriesRead.addAndGet(out.size() + 1);
            return out;
        }

        @Override
        public List<Map.Entry<K, V>> descending(K from, boolean inclusive, int limit) {
            List<Map.Entry<K, V>> out = map.descending(from, inclusive, limit);
            entriesRead.addAndGet(out.size() + 1);
            return out;
        }

        @Override
        public void forEach(BiConsumer<? super K, ? super V> action) {
            map.forEach((k, v) -> {
                entriesRead.incrementAndGet();
                action.accept(k, v);
            });
        }

        @Override
        public StoreMap<K, V> range(K fromInclusive, K toExclusive) {
            return new CountingMap<>(map.range(fromInclusive, toExclusive));
        }
    }
}
