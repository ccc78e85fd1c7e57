package org.xcs.common.stanza.rsm;

import java.util.List;
import java.util.function.Function;

final class ListSource<T> implements PageSource<T> {
    private final List<T> items;
    private final Function<T, String> idOf;

    ListSource(List<T> items, Function<T, String> idOf) {
        this.items = List.copyOf(items);
        this.idOf = idOf;
    }

    @Override public long count() { return items.size(); }
    @Override public boolean contains(String id) { return position(id) >= 0; }
    @Override public long indexOf(String id) { return position(id); }
    @Override public String idOf(T item) { return idOf.apply(item); }

    @Override
    public List<T> after(String id, int limit) {
        int from = id == null ? 0 : position(id) + 1;
        return items.subList(from, (int) Math.min(items.size(), (long) from + limit));
    }

    @Override
    public List<T> before(String id, int limit) {
        int to = id == null ? items.size() : position(id);
        return items.subList(Math.max(0, to - limit), to);
    }

    @Override
    public List<T> fromIndex(long index, int limit) {
        int from = (int) Math.min(index, items.size());
        return items.subList(from, (int) Math.min(items.size(), (long) from + limit));
    }

    private int position(String id) {
        for (int i = 0; i < items.size(); i++) {
            if (idOf.apply(items.get(i)).equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
