package org.xcs.pubsub.service;

/** Who may associate children with a collection (pubsub#children_association_policy, XEP-0248 §7.2). */
public enum ChildrenAssociationPolicy {
    OWNERS("owners"),
    WHITELIST("whitelist"),
    ALL("all");

    private final String wire;

    ChildrenAssociationPolicy(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The constant of this wire value, or null when unknown. */
    public static ChildrenAssociationPolicy fromWire(String wire) {
        for (ChildrenAssociationPolicy v : values()) {
            if (v.wire.equals(wire)) {
                return v;
            }
        }
        return null;
    }
}
