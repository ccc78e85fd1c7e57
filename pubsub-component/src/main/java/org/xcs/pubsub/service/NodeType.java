package org.xcs.pubsub.service;

/** XEP-0060 §4.4 node types; collections are XEP-0248. */
public enum NodeType {
    LEAF("leaf"),
    COLLECTION("collection");

    private final String wire;

    NodeType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The constant of this wire value, or null when unknown. */
    public static NodeType fromWire(String wire) {
        for (NodeType v : values()) {
            if (v.wire.equals(wire)) {
                return v;
            }
        }
        return null;
    }
}
