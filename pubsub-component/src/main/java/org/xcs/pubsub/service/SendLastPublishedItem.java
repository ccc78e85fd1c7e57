package org.xcs.pubsub.service;

/** When the last published item is sent (pubsub#send_last_published_item, XEP-0060 §6.1.7). */
public enum SendLastPublishedItem {
    NEVER("never"),
    ON_SUB("on_sub"),
    ON_SUB_AND_PRESENCE("on_sub_and_presence");

    private final String wire;

    SendLastPublishedItem(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The constant of this wire value, or null when unknown. */
    public static SendLastPublishedItem fromWire(String wire) {
        for (SendLastPublishedItem v : values()) {
            if (v.wire.equals(wire)) {
                return v;
            }
        }
        return null;
    }
}
