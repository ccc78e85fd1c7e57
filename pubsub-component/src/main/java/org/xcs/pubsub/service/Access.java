package org.xcs.pubsub.service;

import org.xcs.pubsub.store.NodeStore;
import org.xcs.pubsub.store.StoredSubscription;

/** Who may do what on a node: XEP-0060 §4.1 privileges combined with the §4.5 access and publish models. */
final class Access {

    private final NodeStore store;
    private final ServiceSettings settings;
    private final Contacts contacts;

    Access(NodeStore store, ServiceSettings settings, Contacts contacts) {
        this.store = store;
        this.settings = settings;
        this.contacts = contacts;
    }

    /** Service admins act as owners of every node. */
    Affiliation affiliation(String node, String bareJid) {
        if (settings.admins().contains(bareJid)) {
            return Affiliation.OWNER;
        }
        return storedAffiliation(node, bareJid);
    }

    Affiliation storedAffiliation(String node, String bareJid) {
        String a = store.affiliation(node, bareJid);
        return a == null ? Affiliation.NONE : Affiliation.fromWire(a);
    }

    boolean isAdmin(String bareJid) {
        return settings.admins().contains(bareJid);
    }

    void requireOwner(String node, String bareJid) {
        if (affiliation(node, bareJid) != Affiliation.OWNER) {
            throw new PubSubException(PubSubError.FORBIDDEN, "owner only");
        }
    }

    boolean isSubscribed(String node, String bareJid) {
        for (StoredSubscription s : store.subscriptionsOf(node, bareJid)) {
            if (SubscriptionState.SUBSCRIBED.wire().equals(s.state())) {
                return true;
            }
        }
        return false;
    }

    /** §6.5.9 (and §12.1x for owners and publishers, who may always retrieve). */
    void checkRetrieve(String node, NodeConfig config, String bareJid) {
        Affiliation a = affiliation(node, bareJid);
        if (!a.mayRetrieveItems() && a != Affiliation.NONE) {
            throw new PubSubException(PubSubError.FORBIDDEN); // §6.5.9.10 blocked; publish-only may not retrieve
        }
        if (a == Affiliation.OWNER || a == Affiliation.PUBLISHER) {
            return;
        }
        switch (config.accessModel()) {
            case OPEN -> { }
            case WHITELIST -> {
                if (!a.onWhitelist()) {
                    throw new PubSubException(PubSubError.CLOSED_NODE);
                }
            }
            case AUTHORIZE -> {
                if (a != Affiliation.MEMBER && !isSubscribed(node, bareJid)) {
                    throw new PubSubException(PubSubError.ITEMS_NOT_SUBSCRIBED);
                }
            }
            case PRESENCE, ROSTER -> checkContact(node, config, bareJid);
        }
    }

    /** Whether {@link #checkRetrieve} lets {@code bareJid} in (for deliveries that have no request to refuse). */
    boolean mayRetrieve(String node, NodeConfig config, String bareJid) {
        try {
            checkRetrieve(node, config, bareJid);
            return true;
        } catch (PubSubException e) {
            return false;
        }
    }

    /**
     * §4.5 presence and roster access, judged on the rosters of the node's owners (for PEP, the one user; §6.1.3.2,
     * §6.1.3.3 and §6.5.9.5-6 for the errors). Without the host's roster these models are unsupported.
     */
    void checkContact(String node, NodeConfig config, String bareJid) {
        boolean presence = config.accessModel() == AccessModel.PRESENCE;
        if (!contacts.known()) {
            throw new PubSubException(presence ? PubSubError.UNSUPPORTED_ACCESS_PRESENCE
                    : PubSubError.UNSUPPORTED_ACCESS_ROSTER, "the host's roster is not available");
        }
        for (String owner : owners(node)) {
            if (owner.equals(bareJid)) {
                return;
            }
            if (presence ? contacts.receivesPresence(owner, bareJid)
                    : contacts.groups(owner, bareJid).stream().anyMatch(config.rosterGroupsAllowed()::contains)) {
                return;
            }
        }
        throw new PubSubException(presence ? PubSubError.PRESENCE_SUBSCRIPTION_REQUIRED
                : PubSubError.NOT_IN_ROSTER_GROUP);
    }

    /** Presence and roster access can be configured only when rosters can be consulted. */
    boolean offers(AccessModel model) {
        return settings.accessModels().contains(model)
                && (model != AccessModel.PRESENCE && model != AccessModel.ROSTER || contacts.known());
    }

    private java.util.List<String> owners(String node) {
        java.util.List<String> out = new java.util.ArrayList<>();
        store.affiliations(node).forEach((jid, a) -> {
            if (Affiliation.OWNER.wire().equals(a)) {
                out.add(jid);
            }
        });
        return out;
    }

    /** §7.1.3.1 with pubsub#publish_model. */
    void checkPublish(String node, NodeConfig config, String bareJid) {
        Affiliation a = affiliation(node, bareJid);
        boolean allowed = switch (config.publishModel()) {
            case PUBLISHERS -> a.isPublisher();
            case SUBSCRIBERS -> a.isPublisher() || (a != Affiliation.OUTCAST && isSubscribed(node, bareJid));
            case OPEN -> a != Affiliation.OUTCAST;
        };
        if (!allowed) {
            throw new PubSubException(PubSubError.FORBIDDEN, "may not publish to this node");
        }
    }
}
