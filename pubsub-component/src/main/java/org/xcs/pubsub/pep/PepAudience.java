package org.xcs.pubsub.pep;

import java.util.ArrayList;
import java.util.List;

import org.xcs.pubsub.service.NodeConfig;
import org.xcs.pubsub.service.PresenceAudience;

/**
 * XEP-0163 §4.3 implicit subscriptions of one owner's service: the owner's available resources and the available
 * resources of each contact whose roster item receives the owner's presence (§4.3.2), as far as the node's access
 * model lets that contact in, each only when its capabilities say {@code node+notify} (§4.3.1, XEP-0115).
 */
final class PepAudience implements PresenceAudience {
    private final String owner;
    private final Rosters rosters;
    private final Presences presences;

    PepAudience(String owner, Rosters rosters, Presences presences) {
        this.owner = owner;
        this.rosters = rosters;
        this.presences = presences;
    }

    @Override
    public List<String> recipients(String node, NodeConfig config) {
        List<String> out = new ArrayList<>();
        addInterested(owner, node, out);
        for (RosterItem item : rosters.items(owner)) {
            if (!item.jid().equals(owner) && item.receivesPresence() && reaches(item, config)) {
                addInterested(item.jid(), node, out);
            }
        }
        return out;
    }

    // XEP-0060 §4.5. Whitelist and authorize nodes reach others only through explicit subscriptions, which the
    // core's fan-out handles (XEP-0402 bookmarks: nobody but the owner).
    private static boolean reaches(RosterItem contact, NodeConfig config) {
        return switch (config.accessModel()) {
            case OPEN, PRESENCE -> true;
            case ROSTER -> contact.groups().stream().anyMatch(config.rosterGroupsAllowed()::contains);
            case WHITELIST, AUTHORIZE -> false;
        };
    }

    private void addInterested(String bare, String node, List<String> out) {
        for (String full : presences.available(bare)) {
            if (presences.wantsNotify(full, node)) {
                out.add(full);
            }
        }
    }
}
