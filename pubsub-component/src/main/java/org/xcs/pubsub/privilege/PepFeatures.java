package org.xcs.pubsub.privilege;

import java.util.ArrayList;
import java.util.List;

/** XEP-0163 §6 / XEP-0060 §10: what a PEP service over our pubsub core offers, until the core says otherwise. */
final class PepFeatures {
    static final List<String> DEFAULT = features("access-open", "access-presence", "access-roster",
            "access-whitelist", "auto-create", "auto-subscribe", "config-node", "create-and-configure",
            "create-nodes", "delete-items", "delete-nodes", "filtered-notifications", "item-ids", "last-published",
            "multi-items", "persistent-items", "publish", "publish-options", "purge-nodes", "retract-items",
            "retrieve-affiliations", "retrieve-items", "retrieve-subscriptions", "subscribe");

    private PepFeatures() {
    }

    private static List<String> features(String... names) {
        List<String> all = new ArrayList<>();
        all.add(PrivilegeNs.PUBSUB);
        for (String name : names) {
            all.add(PrivilegeNs.PUBSUB + "#" + name);
        }
        return List.copyOf(all);
    }
}
