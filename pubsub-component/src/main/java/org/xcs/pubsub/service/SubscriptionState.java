package org.xcs.pubsub.service;

/** XEP-0060 §4.2 subscription states. This service never leaves a subscription unconfigured. */
public enum SubscriptionState {
    NONE("none"),
    PENDING("pending"),
    UNCONFIGURED("unconfigured"),
    SUBSCRIBED("subscribed");

    private final String wire;

    SubscriptionState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static SubscriptionState fromWire(String wire) {
        for (SubscriptionState s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        return null;
    }
}
