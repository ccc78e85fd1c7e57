package org.xcs.pubsub.service;

import java.util.List;

/**
 * Who receives a node's item events without a subscription: XEP-0163 §4.3 implicit subscriptions (the owner's own
 * resources and the contacts who receive the owner's presence, each resource only when its capabilities carry
 * {@code node+notify}). The generic service has none.
 */
@FunctionalInterface
public interface PresenceAudience {

    PresenceAudience NONE = (node, config) -> List.of();

    /** Full JIDs to notify of item events on {@code node} besides its subscribers. */
    List<String> recipients(String node, NodeConfig config);
}
