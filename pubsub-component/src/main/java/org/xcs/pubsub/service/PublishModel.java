package org.xcs.pubsub.service;

/** Who may publish (pubsub#publish_model, XEP-0060 §16.4.4). */
public enum PublishModel {
    PUBLISHERS("publishers"),
    SUBSCRIBERS("subscribers"),
    OPEN("open");

    private final String wire;

    PublishModel(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The constant of this wire value, or null when unknown. */
    public static PublishModel fromWire(String wire) {
        for (PublishModel v : values()) {
            if (v.wire.equals(wire)) {
                return v;
            }
        }
        return null;
    }
}
