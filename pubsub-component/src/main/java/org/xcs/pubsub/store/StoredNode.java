package org.xcs.pubsub.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node as stored: its configuration as field values keyed by XEP-0060 field var (without the XEP-0248 tree fields,
 * which live in {@code parents} and the store's child index), its parents, creator and creation time.
 */
public record StoredNode(String id, Map<String, List<String>> config, List<String> parents, String creator,
                         long createdMillis) {

    public StoredNode {
        Objects.requireNonNull(id, "id");
        config = Map.copyOf(config);
        parents = List.copyOf(parents);
        Objects.requireNonNull(creator, "creator");
    }

    public StoredNode withConfig(Map<String, List<String>> newConfig, List<String> newParents) {
        return new StoredNode(id, newConfig, newParents, creator, createdMillis);
    }
}
