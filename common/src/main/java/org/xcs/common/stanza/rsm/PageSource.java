package org.xcs.common.stanza.rsm;

import java.util.List;
import java.util.function.Function;

/**
 * An ordered result set the pager reads one page at a time; ids are the XEP-0059 UIDs (opaque to the requester).
 * Implementations over an index (a NavigableMap, a MapDB BTreeMap) never need the whole set in memory.
 */
public interface PageSource<T> {
    /** Size of the full set; XEP-0059 §2.1 allows it to be approximate. */
    long count();

    boolean contains(String id);

    /** Position of an item known to exist (0 = first). */
    long indexOf(String id);

    /** Up to {@code limit} items strictly after {@code id}, ascending; {@code id == null}: from the start. */
    List<T> after(String id, int limit);

    /** The up to {@code limit} items immediately before {@code id}, ascending; {@code id == null}: the end. */
    List<T> before(String id, int limit);

    List<T> fromIndex(long index, int limit);

    String idOf(T item);

    /** A source over a list already in memory (small sets, e.g. a component's static disco items). */
    static <T> PageSource<T> ofList(List<T> items, Function<T, String> idOf) {
        return new ListSource<>(items, idOf);
    }
}
