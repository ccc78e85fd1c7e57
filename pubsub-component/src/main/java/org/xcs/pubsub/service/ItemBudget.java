package org.xcs.pubsub.service;

import java.util.List;

import org.xcs.pubsub.store.StoredItem;

/**
 * XEP-0060 §6.5.4: a retrieve returns no more items than fit the bytes one result may carry, so that a node of large
 * items gives a first page (noted with an XEP-0059 set) instead of a reply the host would refuse. Sizes are estimated
 * from the stored strings without rendering them; the component's stanza size guard still catches what an estimate
 * misses. At least one item is always kept: a single payload is bounded by pubsub#max_payload_size.
 */
final class ItemBudget {
    /** {@code <item id=''>} and {@code </item>}, with room for a namespace declaration. */
    private static final int ITEM_TAGS = 64;
    /** An id is an attribute value: escaping may turn one char into {@code &apos;} (6 bytes). */
    private static final int ATTRIBUTE_ESCAPE = 6;

    private ItemBudget() {
    }

    /** The newest of {@code oldestFirst} within {@code budget} bytes, oldest first (what §6.5.7 max_items keeps). */
    static List<StoredItem> newestWithin(List<StoredItem> oldestFirst, long budget) {
        long used = 0;
        int from = oldestFirst.size();
        while (from > 0) {
            used += bytes(oldestFirst.get(from - 1));
            if (used > budget && from < oldestFirst.size()) {
                break;
            }
            from--;
        }
        return oldestFirst.subList(from, oldestFirst.size());
    }

    /** The oldest of {@code oldestFirst} within {@code budget} bytes (a forward XEP-0059 page goes on from its last). */
    static List<StoredItem> oldestWithin(List<StoredItem> oldestFirst, long budget) {
        long used = 0;
        int to = 0;
        while (to < oldestFirst.size()) {
            used += bytes(oldestFirst.get(to));
            if (used > budget && to > 0) {
                break;
            }
            to++;
        }
        return oldestFirst.subList(0, to);
    }

    static long bytes(StoredItem item) {
        return ITEM_TAGS + (long) ATTRIBUTE_ESCAPE * utf8Length(item.id())
                + (item.payload() == null ? 0 : utf8Length(item.payload()));
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4; // with its low surrogate, one 4-byte sequence
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
