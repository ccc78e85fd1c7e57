package org.xcs.pubsub.store;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.xcs.common.store.StoreMap;

/**
 * One owner's slice of a map shared by every owner: keys are stored as {@code scope + key} (scope = owner bare JID
 * and NUL), and this view adds and strips the scope. NUL cannot occur in a JID or node id (XML cannot carry it), so
 * no owner's keys can reach into another's range. One shared map per kind, not one per user (XEP-0163 §1: every
 * user is a service; a host has thousands).
 */
final class ScopedStoreMap<V> implements StoreMap<String, V> {

    private final StoreMap<String, V> base;
    private final StoreMap<String, V> view;
    private final String scope;

    ScopedStoreMap(StoreMap<String, V> base, String scope) {
        this(base, scope, null, null);
    }

    private ScopedStoreMap(StoreMap<String, V> base, String scope, String from, String to) {
        this.base = base;
        this.scope = scope;
        // "\u0001" after the scope's trailing NUL is the least string above every key of the scope.
        String upper = scope.substring(0, scope.length() - 1) + "\u0001";
        this.view = base.range(from == null ? scope : scope + from, to == null ? upper : scope + to);
    }

    @Override
    public V get(String key) {
        return view.get(scope + key);
    }

    @Override
    public boolean containsKey(String key) {
        return view.containsKey(scope + key);
    }

    @Override
    public V put(String key, V value) {
        return view.put(scope + key, value);
    }

    @Override
    public V remove(String key) {
        return view.remove(scope + key);
    }

    @Override
    public void clear() {
        view.clear();
    }

    @Override
    public long size() {
        return view.size();
    }

    @Override
    public boolean isEmpty() {
        return view.isEmpty();
    }

    @Override
    public Map.Entry<String, V> first() {
        return strip(view.first());
    }

    @Override
    public Map.Entry<String, V> last() {
        return strip(view.last());
    }

    @Override
    public List<Map.Entry<String, V>> ascending(String from, boolean inclusive, int limit) {
        return view.ascending(from == null ? null : scope + from, inclusive, limit).stream().map(this::strip).toList();
    }

    @Override
    public List<Map.Entry<String, V>> descending(String from, boolean inclusive, int limit) {
        return view.descending(from == null ? null : scope + from, inclusive, limit).stream().map(this::strip)
                .toList();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super V> action) {
        view.forEach((k, v) -> action.accept(k.substring(scope.length()), v));
    }

    @Override
    public StoreMap<String, V> range(String fromInclusive, String toExclusive) {
        return new ScopedStoreMap<>(base, scope, fromInclusive, toExclusive);
    }

    private Map.Entry<String, V> strip(Map.Entry<String, V> e) {
        return e == null ? null : new AbstractMap.SimpleImmutableEntry<>(e.getKey().substring(scope.length()),
                e.getValue());
    }
}
