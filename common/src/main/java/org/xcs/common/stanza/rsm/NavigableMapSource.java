package org.xcs.common.stanza.rsm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;

/**
 * Pages over a sorted map by walking its views ({@code tailMap}, {@code headMap().descendingMap()}): only the
 * requested page is copied out. Ids are the keys, written with {@code toId} and read back with {@code fromId}
 * (which may throw IllegalArgumentException for an id that cannot be a key).
 */
public final class NavigableMapSource<K, V> implements PageSource<Map.Entry<K, V>> {
    private final NavigableMap<K, V> map;
    private final Function<K, String> toId;
    private final Function<String, K> fromId;

    public NavigableMapSource(NavigableMap<K, V> map, Function<K, String> toId, Function<String, K> fromId) {
        this.map = map;
        this.toId = toId;
        this.fromId = fromId;
    }

    public static <V> NavigableMapSource<String, V> of(NavigableMap<String, V> map) {
        return new NavigableMapSource<>(map, Function.identity(), Function.identity());
    }

    @Override public long count() { return map.size(); }
    @Override public String idOf(Map.Entry<K, V> item) { return toId.apply(item.getKey()); }

    @Override
    public boolean contains(String id) {
        try {
            return map.containsKey(fromId.apply(id));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public long indexOf(String id) {
        return map.headMap(fromId.apply(id), false).size();
    }

    @Override
    public List<Map.Entry<K, V>> after(String id, int limit) {
        return take((id == null ? map : map.tailMap(fromId.apply(id), false)).entrySet().iterator(), limit);
    }

    @Override
    public List<Map.Entry<K, V>> before(String id, int limit) {
        NavigableMap<K, V> head = id == null ? map : map.headMap(fromId.apply(id), false);
        List<Map.Entry<K, V>> page = take(head.descendingMap().entrySet().iterator(), limit);
        Collections.reverse(page);
        return page;
    }

    @Override
    public List<Map.Entry<K, V>> fromIndex(long index, int limit) {
        Iterator<Map.Entry<K, V>> it = map.entrySet().iterator();
        for (long skipped = 0; skipped < index && it.hasNext(); skipped++) {
            it.next();
        }
        return take(it, limit);
    }

    private List<Map.Entry<K, V>> take(Iterator<Map.Entry<K, V>> it, int limit) {
        List<Map.Entry<K, V>> page = new ArrayList<>(Math.min(limit, 64));
        while (page.size() < limit && it.hasNext()) {
            Map.Entry<K, V> e = it.next();
            page.add(Map.entry(e.getKey(), e.getValue()));
        }
        return page;
    }
}
