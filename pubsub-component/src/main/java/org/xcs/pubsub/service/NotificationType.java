package org.xcs.pubsub.service;

/** Message type of event notifications (pubsub#notification_type); the stanza layer only carries it. */
public enum NotificationType {
    HEADLINE("headline"),
    NORMAL("normal");

    private final String wire;

    NotificationType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The constant of this wire value, or null when unknown. */
    public static NotificationType fromWire(String wire) {
        for (NotificationType v : values()) {
            if (v.wire.equals(wire)) {
                return v;
            }
        }
        return null;
    }
}
