package org.xcs.pubsub.service;

/** XEP-0248 §6.1 pubsub#subscription_type: which events of a collection's descendants reach a subscriber. */
public enum SubscriptionType {
    ITEMS("items"),
    NODES("nodes"),
    ALL("all");

    private final String wire;

    SubscriptionType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The constant of this wire value, or null when unknown. */
    public static SubscriptionType fromWire(String wire) {
        for (SubscriptionType v : values()) {
            if (v.wire.equals(wire)) {
                return v;
            }
        }
        return null;
    }
}
