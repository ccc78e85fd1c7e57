package org.xcs.pubsub.pep;

import java.util.Set;

/**
 * One item of a user's roster (RFC 6121 §2.1.2.5): {@code subscription} is "none", "to", "from" or "both".
 * XEP-0060 §4.5 roster access grants by {@code groups}; presence access needs "from" or "both".
 */
public record RosterItem(String jid, String subscription, Set<String> groups) {

    public RosterItem {
        groups = Set.copyOf(groups);
    }

    /** The contact receives the owner's presence (RFC 6121 §3), hence PEP notifications (XEP-0163 §4.3). */
    public boolean receivesPresence() {
        return "from".equals(subscription) || "both".equals(subscription);
    }
}
