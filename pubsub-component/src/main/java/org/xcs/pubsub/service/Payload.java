package org.xcs.pubsub.service;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An item's payload as the stanza layer found it: the serialised XML of the item's children (opaque here), how many
 * child elements there were, and the first one's namespace (XEP-0060 §7.1.3.5 checks both).
 */
public record Payload(String xml, int elementCount, String namespace) {

    public Payload {
        Objects.requireNonNull(xml, "xml");
    }

    public static Payload of(String xml, String namespace) {
        return new Payload(xml, 1, namespace);
    }

    public long sizeInBytes() {
        return xml.getBytes(StandardCharsets.UTF_8).length;
    }
}
