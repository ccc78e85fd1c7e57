package org.xcs.pubsub.service;

/** What a publish to a full node does (pubsub#publish_node_full, XEP-0060 §7.1.2.5). */
public enum PublishNodeFull {
    RETRACT_OLDEST("retract-oldest"),
    DISCARD_OLDEST("discard-oldest"),
    REJECT("reject");

    private final String wire;

    PublishNodeFull(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The constant of this wire value, or null when unknown. */
    public static PublishNodeFull fromWire(String wire) {
        for (PublishNodeFull v : values()) {
            if (v.wire.equals(wire)) {
                return v;
            }
        }
        return null;
    }
}
