package org.xcs.pubsub.service;

/**
 * Every error this core raises, as XEP-0060 §7-§8 (and XEP-0248 §6-§7) specify it: the stanza error condition and
 * type (RFC 6120 §8.3.3), the application-specific condition of namespace {@link #NAMESPACE} (or null), and for
 * {@code <unsupported/>} the feature it names.
 */
public enum PubSubError {
    /** §6.1.3.12, §7.1.3.3, §8.4.3.2 ... */
    NODE_NOT_FOUND("item-not-found", "cancel", null, null),
    /** §6.5.9.11 (no such item), §7.2.3: retracting an unknown item. */
    ITEM_NOT_FOUND("item-not-found", "cancel", null, null),
    /** §8.1.1: the requested NodeID already exists. */
    NODE_EXISTS("conflict", "cancel", null, null),
    /** §7.2.3.3, §8.2.3.3: a request that names no node. */
    NODEID_REQUIRED("bad-request", "modify", "nodeid-required", null),
    /** §6.1.3.8, §7.1.3.1, §8.*: insufficient privileges or an outcast. */
    FORBIDDEN("forbidden", "auth", null, null),
    /** §6.1.3.1: the subscribed JID's bare JID is not the requester's. */
    INVALID_JID("bad-request", "modify", "invalid-jid", null),
    /** §6.1.3.4, §6.5.9.8: whitelist node, requester not on it. */
    CLOSED_NODE("not-allowed", "cancel", "closed-node", null),
    /** §6.1.3.7. */
    PENDING_SUBSCRIPTION("not-authorized", "auth", "pending-subscription", null),
    /** §6.2.3.2: unsubscribe without a subscription. */
    NOT_SUBSCRIBED("unexpected-request", "cancel", "not-subscribed", null),
    /** §6.3.4.2: subscription options without a subscription. */
    OPTIONS_NOT_SUBSCRIBED("unexpected-request", "modify", "not-subscribed", null),
    /** §6.5.9.3: authorize node, requester not subscribed. */
    ITEMS_NOT_SUBSCRIBED("not-authorized", "auth", "not-subscribed", null),
    /** §6.2.3.1, §6.3.4.4. */
    SUBID_REQUIRED("bad-request", "modify", "subid-required", null),
    /** §6.2.3.5, §6.3.4.5. */
    INVALID_SUBID("not-acceptable", "modify", "invalid-subid", null),
    /** §6.3.4.3. */
    JID_REQUIRED("bad-request", "modify", "jid-required", null),
    /** §6.3.7: a subscription options form that cannot be applied. */
    INVALID_OPTIONS("bad-request", "modify", "invalid-options", null),
    /** §8.2.5.2: a node configuration form that cannot be applied. */
    INVALID_CONFIG("not-acceptable", "modify", null, null),
    /** XEP-0248 §7.2.3: children on a leaf, a cycle, collection to leaf. */
    INVALID_COLLECTION_CONFIG("not-allowed", "cancel", "invalid-options", null),
    /** XEP-0248 §7.2.3.3: over pubsub#children_max. */
    MAX_NODES_EXCEEDED("not-allowed", "cancel", "max-nodes-exceeded", null),
    /** XEP-0248 §7.6.3.1: dissociating nodes that are not associated. */
    NOT_ASSOCIATED("bad-request", "modify", null, null),
    /** XEP-0248 §6.1.3: a second subscription of the same type to a collection. */
    COLLECTION_SUBSCRIPTION_EXISTS("conflict", "cancel", null, null),
    /** §7.1.3.6: persistent node, no item. */
    ITEM_REQUIRED("bad-request", "modify", "item-required", null),
    /** §7.1.3.6: payload node, item without payload. */
    PAYLOAD_REQUIRED("bad-request", "modify", "payload-required", null),
    /** §7.1.3.6: transient notification-only node, an item given. */
    ITEM_FORBIDDEN("bad-request", "modify", "item-forbidden", null),
    /** §7.1.3.5: not exactly one payload element, or not of the configured pubsub#type. */
    INVALID_PAYLOAD("bad-request", "modify", "invalid-payload", null),
    /** §7.1.3.4. */
    PAYLOAD_TOO_BIG("not-acceptable", "modify", "payload-too-big", null),
    /** §7.1.3.3 (node full, publish_node_full = reject). */
    NODE_FULL("conflict", "cancel", "node-full", null),
    /** §12.10: a batch publish larger than max_items. */
    MAX_ITEMS_EXCEEDED("not-allowed", "cancel", "max-items-exceeded", null),
    /** §7.1.5: a publish-options precondition does not hold. */
    PRECONDITION_NOT_MET("conflict", "cancel", "precondition-not-met", null),
    /** §8.8.2.4, §8.9.2.4: an owner's change that is refused (returned with the entries left unchanged). */
    INVALID_MODIFICATION("not-acceptable", "modify", null, null),
    /** §6.1.3.2, §6.5.9.5: presence access model, the requester does not receive the owner's presence. */
    PRESENCE_SUBSCRIPTION_REQUIRED("not-authorized", "auth", "presence-subscription-required", null),
    /** §6.1.3.3, §6.5.9.6: roster access model, the requester is in none of the allowed roster groups. */
    NOT_IN_ROSTER_GROUP("not-authorized", "auth", "not-in-roster-group", null),
    /** §4.5: needs the host's roster (XEP-0356); refused until it is available. */
    UNSUPPORTED_ACCESS_PRESENCE("feature-not-implemented", "cancel", "unsupported", "access-presence"),
    UNSUPPORTED_ACCESS_ROSTER("feature-not-implemented", "cancel", "unsupported", "access-roster"),
    /** §6.5.9.4, §7.2.3.5, §8.5.3.3: the node does not persist items. */
    UNSUPPORTED_PERSISTENT_ITEMS("feature-not-implemented", "cancel", "unsupported", "persistent-items"),
    /** §7.1.3.2; XEP-0248 §4: collections hold no items. */
    UNSUPPORTED_PUBLISH("feature-not-implemented", "cancel", "unsupported", "publish"),
    /** §6.1.3.10: pubsub#subscribe is false. */
    UNSUPPORTED_SUBSCRIBE("feature-not-implemented", "cancel", "unsupported", "subscribe"),
    /** XEP-0248 §6.2.3: no item retrieval through collections. */
    UNSUPPORTED_RETRIEVE_ITEMS("feature-not-implemented", "cancel", "unsupported", "retrieve-items");

    public static final String NAMESPACE = "http://jabber.org/protocol/pubsub#errors";

    private final String condition;
    private final String type;
    private final String applicationCondition;
    private final String feature;

    PubSubError(String condition, String type, String applicationCondition, String feature) {
        this.condition = condition;
        this.type = type;
        this.applicationCondition = applicationCondition;
        this.feature = feature;
    }

    /** RFC 6120 §8.3.3 defined condition, e.g. {@code item-not-found}. */
    public String condition() {
        return condition;
    }

    /** RFC 6120 §8.3.2 error type: {@code cancel}, {@code modify}, {@code auth} or {@code wait}. */
    public String type() {
        return type;
    }

    /** Element name in {@link #NAMESPACE}, or null. */
    public String applicationCondition() {
        return applicationCondition;
    }

    /** The {@code feature} attribute of {@code <unsupported/>}, or null. */
    public String feature() {
        return feature;
    }
}
