package org.xcs.pubsub.service;

import java.util.List;
import java.util.Objects;

/**
 * A node's configuration: the XEP-0060 §16.4.4 {@code pubsub#node_config} options this service implements, and the
 * XEP-0248 §7.2 collection options. {@link #UNLIMITED} stands for the form value {@code max} ("no specific limit
 * other than a server imposed maximum").
 */
public record NodeConfig(
        String title,
        String description,
        String payloadType,
        NodeType nodeType,
        AccessModel accessModel,
        PublishModel publishModel,
        long maxItems,
        boolean persistItems,
        boolean deliverPayloads,
        boolean deliverNotifications,
        boolean notifyConfig,
        boolean notifyDelete,
        boolean notifyRetract,
        boolean notifySub,
        NotificationType notificationType,
        SendLastPublishedItem sendLastPublishedItem,
        long itemExpireSeconds,
        long maxPayloadSize,
        boolean subscribe,
        PublishNodeFull publishNodeFull,
        List<String> collections,
        List<String> children,
        long childrenMax,
        ChildrenAssociationPolicy childrenAssociationPolicy,
        List<String> childrenAssociationWhitelist,
        List<String> rosterGroupsAllowed) {

    public static final long UNLIMITED = Long.MAX_VALUE;

    public NodeConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(nodeType, "nodeType");
        Objects.requireNonNull(accessModel, "accessModel");
        Objects.requireNonNull(publishModel, "publishModel");
        Objects.requireNonNull(notificationType, "notificationType");
        Objects.requireNonNull(sendLastPublishedItem, "sendLastPublishedItem");
        Objects.requireNonNull(publishNodeFull, "publishNodeFull");
        Objects.requireNonNull(childrenAssociationPolicy, "childrenAssociationPolicy");
        collections = List.copyOf(collections);
        children = List.copyOf(children);
        childrenAssociationWhitelist = List.copyOf(childrenAssociationWhitelist);
        rosterGroupsAllowed = List.copyOf(rosterGroupsAllowed);
    }

    /**
     * The generic service's defaults (XEP-0060 §4.5: open SHOULD be the default access model; §4.3: with the
     * last-published feature, send_last_published_item MUST default to on_sub_and_presence).
     */
    public static NodeConfig defaults(NodeType type, long maxItems, long maxPayloadSize) {
        return new NodeConfig("", "", "", type, AccessModel.OPEN, PublishModel.PUBLISHERS, maxItems, true, true,
                true, false, true, true, false, NotificationType.HEADLINE,
                SendLastPublishedItem.ON_SUB_AND_PRESENCE, UNLIMITED, maxPayloadSize, true,
                PublishNodeFull.RETRACT_OLDEST, List.of(), List.of(), UNLIMITED, ChildrenAssociationPolicy.OWNERS,
                List.of(), List.of());
    }

    public boolean isCollection() {
        return nodeType == NodeType.COLLECTION;
    }

    public boolean itemsExpire() {
        return itemExpireSeconds != UNLIMITED;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Field-by-field changes, used to apply a submitted form. */
    public static final class Builder {
        String title;
        String description;
        String payloadType;
        NodeType nodeType;
        AccessModel accessModel;
        PublishModel publishModel;
        long maxItems;
        boolean persistItems;
        boolean deliverPayloads;
        boolean deliverNotifications;
        boolean notifyConfig;
        boolean notifyDelete;
        boolean notifyRetract;
        boolean notifySub;
        NotificationType notificationType;
        SendLastPublishedItem sendLastPublishedItem;
        long itemExpireSeconds;
        long maxPayloadSize;
        boolean subscribe;
        PublishNodeFull publishNodeFull;
        List<String> collections;
        List<String> children;
        long childrenMax;
        ChildrenAssociationPolicy childrenAssociationPolicy;
        List<String> childrenAssociationWhitelist;
        List<String> rosterGroupsAllowed;

        Builder(NodeConfig c) {
            title = c.title;
            description = c.description;
            payloadType = c.payloadType;
            nodeType = c.nodeType;
            accessModel = c.accessModel;
            publishModel = c.publishModel;
            maxItems = c.maxItems;
            persistItems = c.persistItems;
            deliverPayloads = c.deliverPayloads;
            deliverNotifications = c.deliverNotifications;
            notifyConfig = c.notifyConfig;
            notifyDelete = c.notifyDelete;
            notifyRetract = c.notifyRetract;
            notifySub = c.notifySub;
            notificationType = c.notificationType;
            sendLastPublishedItem = c.sendLastPublishedItem;
            itemExpireSeconds = c.itemExpireSeconds;
            maxPayloadSize = c.maxPayloadSize;
            subscribe = c.subscribe;
            publishNodeFull = c.publishNodeFull;
            collections = c.collections;
            children = c.children;
            childrenMax = c.childrenMax;
            childrenAssociationPolicy = c.childrenAssociationPolicy;
            childrenAssociationWhitelist = c.childrenAssociationWhitelist;
            rosterGroupsAllowed = c.rosterGroupsAllowed;
        }

        public Builder nodeType(NodeType v) { nodeType = v; return this; }
        public Builder accessModel(AccessModel v) { accessModel = v; return this; }
        public Builder publishModel(PublishModel v) { publishModel = v; return this; }
        public Builder maxItems(long v) { maxItems = v; return this; }
        public Builder persistItems(boolean v) { persistItems = v; return this; }
        public Builder deliverPayloads(boolean v) { deliverPayloads = v; return this; }
        public Builder notifyConfig(boolean v) { notifyConfig = v; return this; }
        public Builder notifyRetract(boolean v) { notifyRetract = v; return this; }
        public Builder sendLastPublishedItem(SendLastPublishedItem v) { sendLastPublishedItem = v; return this; }
        public Builder collections(List<String> v) { collections = v; return this; }
        public Builder children(List<String> v) { children = v; return this; }

        public NodeConfig build() {
            return new NodeConfig(title, description, payloadType, nodeType, accessModel, publishModel, maxItems,
                    persistItems, deliverPayloads, deliverNotifications, notifyConfig, notifyDelete, notifyRetract,
                    notifySub, notificationType, sendLastPublishedItem, itemExpireSeconds, maxPayloadSize,
                    subscribe, publishNodeFull, collections, children, childrenMax, childrenAssociationPolicy,
                    childrenAssociationWhitelist, rosterGroupsAllowed);
        }
    }
}
