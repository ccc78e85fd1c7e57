package org.xcs.pubsub.store;

import java.util.Objects;

/** A published item; {@code seq} is its place in publish order within its node (higher = newer). */
public record StoredItem(String id, long seq, String publisher, long publishedMillis, String payload) {

    public StoredItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publisher, "publisher");
    }
}
