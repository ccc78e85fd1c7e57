package org.xcs.common.stanza.rsm;

import org.xcs.common.error.XmppException;
import org.xmpp.packet.PacketError;

import java.util.List;

/** Applies a request {@code <set/>} to a {@link PageSource}, never returning more than the service's cap. */
public final class Pager {
    private final int maxPageSize;

    public Pager(int maxPageSize) {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("maxPageSize must be positive");
        }
        this.maxPageSize = maxPageSize;
    }

    public int maxPageSize() {
        return maxPageSize;
    }

    public <T> Page<T> page(PageSource<T> source, ResultSetRequest request) {
        // §2.1: the requester's max is a ceiling the responder may lower; no max means the service's own page size.
        int max = request.max() == null ? maxPageSize : Math.min(request.max(), maxPageSize);
        long count = source.count();
        if (max == 0) {
            return new Page<>(List.of(), null, 0, null, count); // §2.7: only the count
        }
        List<T> items;
        long firstIndex;
        if (request.before() != null) {
            if (request.asksForLastPage()) {
                items = source.before(null, max); // §2.5
                firstIndex = count - items.size();
            } else {
                requireKnown(source, request.before());
                items = source.before(request.before(), max); // §2.3
                firstIndex = source.indexOf(request.before()) - items.size();
            }
        } else if (request.after() != null) {
            requireKnown(source, request.after());
            firstIndex = source.indexOf(request.after()) + 1; // §2.2
            items = source.after(request.after(), max);
        } else if (request.index() != null) {
            firstIndex = request.index(); // §2.6: the first index echoes the requested one; past the end -> empty
            items = firstIndex >= count ? List.of() : source.fromIndex(firstIndex, max);
        } else {
            firstIndex = 0;
            items = source.after(null, max);
        }
        if (items.isEmpty()) {
            return new Page<>(items, null, 0, null, count);
        }
        return new Page<>(items, source.idOf(items.get(0)), Math.max(0, firstIndex),
                source.idOf(items.get(items.size() - 1)), count);
    }

    /**
     * §2.4: item-not-found when the UID is gone and its position cannot be derived. Our sources do not remember
     * deleted positions, so any unknown UID is reported; the requester restarts from the first page.
     */
    private static void requireKnown(PageSource<?> source, String id) {
        if (!source.contains(id)) {
            throw new XmppException(PacketError.Condition.item_not_found, "no item with RSM id '" + id + "'");
        }
    }
}
