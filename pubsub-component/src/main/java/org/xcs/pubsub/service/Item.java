package org.xcs.pubsub.service;

import java.time.Instant;

/** A published item. In notifications {@code payload} is null when the node does not deliver payloads. */
public record Item(String id, String publisher, Instant published, String payload) {

    Item withoutPayload() {
        return new Item(id, publisher, published, null);
    }
}
