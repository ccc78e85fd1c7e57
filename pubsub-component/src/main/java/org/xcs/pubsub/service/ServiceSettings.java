package org.xcs.pubsub.service;

import java.util.EnumSet;
import java.util.Set;

/**
 * Service-wide policy.
 *
 * @param autoCreate         XEP-0060 §7.1.4: publishing to a missing node creates it (creation policy applies)
 * @param defaultMaxItems    pubsub#max_items of new nodes
 * @param maxItemsLimit      the server-imposed maximum that "max" means; larger values are refused
 * @param maxPayloadBytes    the service's payload limit (pubsub#max_payload_size cannot exceed it)
 * @param admins             bare JIDs with owner rights on every node
 * @param accessModels       the access models nodes may use; presence and roster need the host's roster
 * @param itemsPageCap       the most items one retrieve returns
 */
public record ServiceSettings(boolean autoCreate, long defaultMaxItems, long maxItemsLimit, long maxPayloadBytes,
                              Set<String> admins, Set<AccessModel> accessModels, int itemsPageCap) {

    public ServiceSettings {
        admins = Set.copyOf(admins);
        accessModels = Set.copyOf(accessModels);
        if (defaultMaxItems > maxItemsLimit || itemsPageCap <= 0) {
            throw new IllegalArgumentException("defaultMaxItems above maxItemsLimit, or itemsPageCap not positive");
        }
    }

    public static ServiceSettings defaults() {
        return new ServiceSettings(true, 1000, 1_000_000, 256 * 1024, Set.of(),
                EnumSet.of(AccessModel.OPEN, AccessModel.AUTHORIZE, AccessModel.WHITELIST), 500);
    }

    public ServiceSettings withAdmins(Set<String> newAdmins) {
        return new ServiceSettings(autoCreate, defaultMaxItems, maxItemsLimit, maxPayloadBytes, newAdmins,
                accessModels, itemsPageCap);
    }

    public ServiceSettings withAutoCreate(boolean on) {
        return new ServiceSettings(on, defaultMaxItems, maxItemsLimit, maxPayloadBytes, admins, accessModels,
                itemsPageCap);
    }

    public NodeConfig defaultConfig(NodeType type) {
        return NodeConfig.defaults(type, defaultMaxItems, maxPayloadBytes);
    }
}
