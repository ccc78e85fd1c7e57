package org.xcs.pubsub.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xcs.pubsub.store.NodeStore;
import org.xcs.pubsub.store.StoredNode;

/**
 * Converts between the stored node and {@link NodeConfig}. The tree is stored once (XEP-0248 §9.3: "configuration
 * MUST always reflect the current state of the node graph"): parents in the node, children from the store's index.
 */
final class NodeRecords {

    private final NodeStore store;
    /** Stored fields -> configuration (without the tree); every publish reads its node's. */
    private final DecodeMemo<Map<String, List<String>>, NodeConfig> configs;

    NodeRecords(NodeStore store, ServiceSettings settings) {
        this.store = store;
        NodeConfig defaults = settings.defaultConfig(NodeType.LEAF);
        this.configs = new DecodeMemo<>(fields -> NodeConfigFields.apply(defaults, fields), 4096);
    }

    NodeConfig config(StoredNode node) {
        NodeConfig stored = configs.get(node.config());
        List<String> children = stored.isCollection() ? store.children(node.id()) : List.of();
        return stored.toBuilder().collections(node.parents()).children(children).build();
    }

    StoredNode stored(String id, NodeConfig config, String creator, long createdMillis) {
        return new StoredNode(id, fieldsWithoutTree(config), config.collections(), creator, createdMillis);
    }

    StoredNode withConfig(StoredNode node, NodeConfig config) {
        return node.withConfig(fieldsWithoutTree(config), config.collections());
    }

    private static Map<String, List<String>> fieldsWithoutTree(NodeConfig config) {
        Map<String, List<String>> fields = new LinkedHashMap<>(NodeConfigFields.toFields(config));
        fields.remove(NodeConfigFields.COLLECTION);
        fields.remove(NodeConfigFields.CHILDREN);
        return fields;
    }
}
