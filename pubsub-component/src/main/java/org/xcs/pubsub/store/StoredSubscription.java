package org.xcs.pubsub.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One subscription of {@code jid} (bare or full, as subscribed) to {@code node}, told apart from the same JID's
 * other subscriptions by {@code subid} (XEP-0060 §6.1.6). {@code options} are the subscribe_options field values.
 */
public record StoredSubscription(String node, String jid, String subid, String state,
                                 Map<String, List<String>> options) {

    public static final String PENDING = "pending";

    public StoredSubscription {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(subid, "subid");
        Objects.requireNonNull(state, "state");
        options = Map.copyOf(options);
    }

    public boolean pending() {
        return PENDING.equals(state);
    }
}
