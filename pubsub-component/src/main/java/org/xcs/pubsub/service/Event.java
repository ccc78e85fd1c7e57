package org.xcs.pubsub.service;

import java.util.List;
import java.util.Map;

/** What a notification says: one {@code pubsub#event} child (XEP-0060 §7-§8, §12.11; XEP-0248 §5). */
public sealed interface Event {

    /** The node the event is about (for collection deliveries: the originating node, XEP-0248 §5.1). */
    String node();

    /** §7.1.2: published items; their payload is null when the node does not deliver payloads. */
    record Items(String node, List<Item> items) implements Event {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** §7.2.2.1: retracted item ids (also trimmed ones under publish_node_full retract-oldest). */
    record Retracts(String node, List<String> itemIds) implements Event {
        public Retracts {
            itemIds = List.copyOf(itemIds);
        }
    }

    /** §8.5.2: one notification for the whole purge. */
    record Purge(String node) implements Event {
    }

    /** §8.4.2: the node is gone; {@code redirect} is the replacement URI or null. */
    record Delete(String node, String redirect) implements Event {
    }

    /** §8.2.4: configuration changed; {@code fields} is null for notification-only nodes. */
    record Configuration(String node, Map<String, List<String>> fields) implements Event {
    }

    /** §12.11: a subscription's state changed (approval, denial, cancellation by the owner). */
    record SubscriptionChanged(String node, String jid, String subid, SubscriptionState state) implements Event {
    }

    /** §8.6: ask an owner to approve {@code subscriber}'s pending subscription (a subscribe_authorization form). */
    record ApprovalRequest(String node, String subscriber, String subid) implements Event {
    }

    /** XEP-0248 §5.1.2: a node was created inside the collection tree. */
    record Created(String node) implements Event {
    }

    /** XEP-0248 §5.2: {@code child} was associated with ({@code associated}) or dissociated from the collection. */
    record Association(String node, String child, boolean associated) implements Event {
    }
}
