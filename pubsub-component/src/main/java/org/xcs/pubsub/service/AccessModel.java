package org.xcs.pubsub.service;

/** XEP-0060 §4.5 node access models (pubsub#access_model). */
public enum AccessModel {
    OPEN("open"),
    PRESENCE("presence"),
    ROSTER("roster"),
    AUTHORIZE("authorize"),
    WHITELIST("whitelist");

    private final String wire;

    AccessModel(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The constant of this wire value, or null when unknown. */
    public static AccessModel fromWire(String wire) {
        for (AccessModel v : values()) {
            if (v.wire.equals(wire)) {
                return v;
            }
        }
        return null;
    }
}
