package org.xcs.pubsub.service;

/** XEP-0060 §4.1 affiliations, with the privileges of its table "Affiliations and their Privileges". */
public enum Affiliation {
    OWNER("owner"),
    PUBLISHER("publisher"),
    PUBLISH_ONLY("publish-only"),
    MEMBER("member"),
    NONE("none"),
    OUTCAST("outcast");

    private final String wire;

    Affiliation(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The affiliation of this wire name, or null when unknown. */
    public static Affiliation fromWire(String wire) {
        for (Affiliation a : values()) {
            if (a.wire.equals(wire)) {
                return a;
            }
        }
        return null;
    }

    public boolean maySubscribe() {
        return this != PUBLISH_ONLY && this != OUTCAST;
    }

    public boolean mayRetrieveItems() {
        return this == OWNER || this == PUBLISHER || this == MEMBER || this == NONE;
    }

    public boolean isPublisher() {
        return this == OWNER || this == PUBLISHER || this == PUBLISH_ONLY;
    }

    /** On a whitelist node, "the node owner MUST automatically be on the whitelist" and members are added (§4.5). */
    public boolean onWhitelist() {
        return this == OWNER || this == PUBLISHER || this == MEMBER;
    }

    /**
     * XEP-0060 §4.1 "Affiliation State Chart", a MUST-implement set of transitions: an owner can only resign (to
     * none) and a publisher cannot be demoted to member. Publish-only is not in the chart; it is treated like
     * publisher.
     */
    public boolean mayBecome(Affiliation target) {
        if (this == target) {
            return true;
        }
        return switch (this) {
            case OWNER -> target == NONE;
            case PUBLISHER, PUBLISH_ONLY -> target != MEMBER;
            default -> true;
        };
    }
}
