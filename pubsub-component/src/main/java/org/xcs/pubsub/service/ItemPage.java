package org.xcs.pubsub.service;

import java.util.List;

/**
 * Items of a retrieve, oldest first, with the node's item count for XEP-0059 {@code <count/>}; {@code first} and
 * {@code last} of the set are the first and last items' ids. {@code firstIndex} is the first item's position in the
 * node (XEP-0059 §2.2 {@code <first index=''/>}), null where it would take a walk over the node to know: pages
 * anchored on an item (after/before an id) leave it out, which the SHOULD allows. {@code truncated}: the service
 * returned fewer items than asked for and the node holds (its page cap, or the bytes one stanza may carry), which
 * XEP-0060 §6.5.4 says to note with an XEP-0059 set.
 */
public record ItemPage(List<Item> items, long count, Long firstIndex, boolean truncated) {

    public ItemPage(List<Item> items, long count, Long firstIndex) {
        this(items, count, firstIndex, false);
    }

    public ItemPage {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            firstIndex = null; // XEP-0059 §2.2: an empty page has no <first/>
        }
    }

    public String firstId() {
        return items.isEmpty() ? null : items.get(0).id();
    }

    public String lastId() {
        return items.isEmpty() ? null : items.get(items.size() - 1).id();
    }
}
