package org.xcs.pubsub.service;

import java.util.EnumSet;
import java.util.Set;

import org.xcs.common.component.RuntimeSettings;

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
 * @param defaultAccessModel pubsub#access_model of new nodes (§4.5: open for a generic service; XEP-0163 §3:
 *                           presence for PEP)
 * @param announceTrimmed    whether items dropped for max_items are announced as retracted (§7.1.2.5 with
 *                           retract-oldest); not in PEP, where a new item replacing the one kept is no retraction
 * @param itemsPageBytes     the most item bytes one retrieve returns: the reply must stay within the stanza size
 *                           the host accepts from us (see {@link #itemsPageBytesFor})
 */
public record ServiceSettings(boolean autoCreate, long defaultMaxItems, long maxItemsLimit, long maxPayloadBytes,
                              Set<String> admins, Set<AccessModel> accessModels, int itemsPageCap,
                              AccessModel defaultAccessModel, boolean announceTrimmed, long itemsPageBytes) {

    /** Room left in a stanza for what is not items: the iq and pubsub envelope and the RSM set (two ids). */
    static final int ENVELOPE_BYTES = 8 * 1024;

    /** The item bytes a retrieve may return when a result may carry {@code maxStanzaBytes}. */
    public static long itemsPageBytesFor(int maxStanzaBytes) {
        return Math.max(1, maxStanzaBytes - ENVELOPE_BYTES);
    }

    public ServiceSettings(boolean autoCreate, long defaultMaxItems, long maxItemsLimit, long maxPayloadBytes,
                           Set<String> admins, Set<AccessModel> accessModels, int itemsPageCap) {
        this(autoCreate, defaultMaxItems, maxItemsLimit, maxPayloadBytes, admins, accessModels, itemsPageCap,
                AccessModel.OPEN, true, itemsPageBytesFor(RuntimeSettings.DEFAULT_MAX_STANZA_BYTES));
    }

    public ServiceSettings {
        admins = Set.copyOf(admins);
        accessModels = Set.copyOf(accessModels);
        java.util.Objects.requireNonNull(defaultAccessModel, "defaultAccessModel");
        if (defaultMaxItems > maxItemsLimit || itemsPageCap <= 0 || itemsPageBytes <= 0) {
            throw new IllegalArgumentException(
                    "defaultMaxItems above maxItemsLimit, or itemsPageCap or itemsPageBytes not positive");
        }
    }

    public static ServiceSettings defaults() {
        return new ServiceSettings(true, 1000, 1_000_000, 256 * 1024, Set.of(),
                EnumSet.of(AccessModel.OPEN, AccessModel.AUTHORIZE, AccessModel.WHITELIST), 500);
    }

    public ServiceSettings withAdmins(Set<String> newAdmins) {
        return new ServiceSettings(autoCreate, defaultMaxItems, maxItemsLimit, maxPayloadBytes, newAdmins,
                accessModels, itemsPageCap, defaultAccessModel, announceTrimmed, itemsPageBytes);
    }

    public ServiceSettings withAutoCreate(boolean on) {
        return new ServiceSettings(on, defaultMaxItems, maxItemsLimit, maxPayloadBytes, admins, accessModels,
                itemsPageCap, defaultAccessModel, announceTrimmed, itemsPageBytes);
    }

    /** The same service with retrieves kept within results of {@code maxStanzaBytes} (--max-stanza-size). */
    public ServiceSettings withMaxStanzaBytes(int maxStanzaBytes) {
        return new ServiceSettings(autoCreate, defaultMaxItems, maxItemsLimit, maxPayloadBytes, admins, accessModels,
                itemsPageCap, defaultAccessModel, announceTrimmed, itemsPageBytesFor(maxStanzaBytes));
    }

    /** The same service offering {@code models} (e.g. presence and roster once the host's roster is there). */
    public ServiceSettings withAccessModels(Set<AccessModel> models) {
        return new ServiceSettings(autoCreate, defaultMaxItems, maxItemsLimit, maxPayloadBytes, admins, models,
                itemsPageCap, defaultAccessModel, announceTrimmed, itemsPageBytes);
    }

    /**
     * XEP-0163 §3 / §6.1: a PEP service auto-creates on publish, keeps one item by default, and its nodes are
     * presence-access; every access model is offered (the roster comes with the service). "max" means
     * {@code maxItemsLimit}.
     */
    public static ServiceSettings pep(long maxItemsLimit, long maxPayloadBytes, int itemsPageCap) {
        return new ServiceSettings(true, 1, maxItemsLimit, maxPayloadBytes, Set.of(),
                EnumSet.allOf(AccessModel.class), itemsPageCap, AccessModel.PRESENCE, false,
                itemsPageBytesFor(RuntimeSettings.DEFAULT_MAX_STANZA_BYTES));
    }

    public NodeConfig defaultConfig(NodeType type) {
        NodeConfig base = NodeConfig.defaults(type, defaultMaxItems, maxPayloadBytes);
        return base.accessModel() == defaultAccessModel ? base
                : base.toBuilder().accessModel(defaultAccessModel).build();
    }
}
