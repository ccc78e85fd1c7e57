package org.xcs.pubsub.service;

import java.util.List;

/** Which items a retrieve asks for (XEP-0060 §6.5; paging per XEP-0059). */
public sealed interface ItemQuery {

    /** §6.5.2: all items; a node with more than the service's page cap answers its newest page (§6.5.4). */
    record All() implements ItemQuery {
    }

    /** §6.5.7: the {@code max} most recent items. */
    record Latest(int max) implements ItemQuery {
    }

    /** §6.5.8: particular items. */
    record ByIds(List<String> ids) implements ItemQuery {
        public ByIds {
            ids = List.copyOf(ids);
        }
    }

    /**
     * XEP-0059 paging in publish order: {@code after} an item id (forward), or {@code before} one (backward);
     * {@code before} equal to "" asks for the last page. Both null: the first page.
     */
    record Page(String after, String before, int max) implements ItemQuery {
    }

    static ItemQuery all() {
        return new All();
    }

    static ItemQuery latest(int max) {
        return new Latest(max);
    }

    static ItemQuery ids(List<String> ids) {
        return new ByIds(ids);
    }

    static ItemQuery page(String after, String before, int max) {
        return new Page(after, before, max);
    }
}
