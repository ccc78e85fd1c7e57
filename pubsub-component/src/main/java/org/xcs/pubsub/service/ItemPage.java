package org.xcs.pubsub.service;

import java.util.List;

/**
 * Items of a retrieve, oldest first, with the node's item count for XEP-0059 {@code <count/>}; {@code first} and
 * {@code last} of the set are the first and last items' ids.
 */
public record ItemPage(List<Item> items, long count) {

    public ItemPage {
        items = List.copyOf(items);
    }

    public String firstId() {
        return items.isEmpty() ? null : items.get(0).id();
    }

    public String lastId() {
        return items.isEmpty() ? null : items.get(items.size() - 1).id();
    }
}
