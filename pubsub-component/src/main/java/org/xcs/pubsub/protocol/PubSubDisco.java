package org.xcs.pubsub.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xcs.common.disco.DiscoInfo;
import org.xcs.common.disco.DiscoItem;
import org.xcs.common.disco.DiscoQuery;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.stanza.Namespaces;
import org.xcs.common.stanza.rsm.PageSource;
import org.xcs.pubsub.service.Item;
import org.xcs.pubsub.service.ItemQuery;
import org.xcs.pubsub.service.NodeConfig;
import org.xcs.pubsub.service.PubSubException;
import org.xcs.pubsub.service.PubSubService;
import org.xmpp.packet.JID;

/** Service and node discovery (XEP-0060 §5, XEP-0248 §3, XEP-0128 meta-data). */
final class PubSubDisco {
    /** XEP-0060 §10: the features this service implements, and no others. */
    static final List<String> FEATURES = List.of("access-authorize", "access-open", "access-whitelist",
            "collections", "config-node", "create-and-configure", "create-nodes", "delete-items", "delete-nodes",
            "get-pending", "instant-nodes", "item-ids", "last-published", "manage-subscriptions", "meta-data",
            "modify-affiliations", "multi-items", "multi-subscribe", "outcast-affiliation", "persistent-items",
            "publish", "publish-only-affiliation", "publish-options", "publisher-affiliation", "purge-nodes",
            "member-affiliation", "retract-items", "retrieve-affiliations", "retrieve-default", "retrieve-items",
            "retrieve-subscriptions", "subscribe", "subscription-notifications", "subscription-options");

    private final PubSubService service;
    private final NodeForms forms;

    PubSubDisco(PubSubService service, NodeForms forms) {
        this.service = service;
        this.forms = forms;
    }

    void register(DiscoRegistry disco) {
        FEATURES.forEach(f -> disco.addFeature(PubSubNs.FEATURE_PREFIX + f));
        disco.addFeature(PubSubNs.PUBSUB);
        disco.addFeature(PubSubNs.COMMANDS);
        disco.addInfoProvider(this::nodeInfo);
        disco.addItemsProvider(query -> items(disco.service(), query));
    }

    // §5.3-§5.4: a node's identity says leaf or collection; its configuration is the meta-data form.
    private Optional<DiscoInfo> nodeInfo(DiscoQuery query) {
        if (!isService(query) || query.node() == null || !service.exists(query.node())) {
            return Optional.empty();
        }
        NodeConfig config = service.metadata(query.node());
        return Optional.of(DiscoInfo.builder()
                .identity("pubsub", config.nodeType().wire(), null)
                .feature(Namespaces.DISCO_INFO)
                .feature(Namespaces.DISCO_ITEMS)
                .form(forms.metadata(config))
                .build());
    }

    // §5.2 (top-level nodes, children of a collection, XEP-0248 §3.2) and §5.5 (item ids of a leaf).
    private Optional<PageSource<DiscoItem>> items(JID jid, DiscoQuery query) {
        if (!isService(query)) {
            return Optional.empty();
        }
        String node = query.node();
        if (node == null) {
            return Optional.of(nodeList(jid, service.childNodes(null)));
        }
        if (!service.exists(node)) {
            return Optional.empty();
        }
        NodeConfig config = service.metadata(node);
        if (config.isCollection()) {
            return Optional.of(nodeList(jid, service.childNodes(node)));
        }
        List<DiscoItem> items = new ArrayList<>();
        try {
            for (Item item : service.items(query.requester().toString(), node, ItemQuery.all()).items()) {
                items.add(new DiscoItem(jid, null, item.id()));
            }
        } catch (PubSubException notVisible) {
            // §5.5: items the requester may not retrieve are not listed; the node itself still exists.
        }
        return Optional.of(PageSource.ofList(items, DiscoItem::name));
    }

    private PageSource<DiscoItem> nodeList(JID jid, List<String> nodes) {
        List<DiscoItem> out = new ArrayList<>();
        for (String n : nodes) {
            String title = service.exists(n) ? service.metadata(n).title() : "";
            out.add(new DiscoItem(jid, n, title.isEmpty() ? null : title));
        }
        return PageSource.ofList(out, DiscoItem::rsmId);
    }

    private static boolean isService(DiscoQuery query) {
        return query.target() == null || query.target().getNode() == null;
    }
}
