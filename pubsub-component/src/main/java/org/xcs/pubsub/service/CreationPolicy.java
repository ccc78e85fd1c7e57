package org.xcs.pubsub.service;

import java.util.Set;

/**
 * Who may create nodes (XEP-0060 §8.1.1: a service MAY restrict creation; refused creators get forbidden). Service
 * admins may always create; this decides for everyone else, by bare JID.
 */
@FunctionalInterface
public interface CreationPolicy {

    boolean mayCreate(String bareJid);

    /** Users of the host: JIDs with a local part at one of {@code domains}. */
    static CreationPolicy hostUsers(Set<String> domains) {
        Set<String> copy = Set.copyOf(domains);
        return bare -> {
            int at = bare.indexOf('@');
            return at > 0 && copy.contains(bare.substring(at + 1));
        };
    }

    /** Only these bare JIDs. */
    static CreationPolicy listed(Set<String> bareJids) {
        Set<String> copy = Set.copyOf(bareJids);
        return copy::contains;
    }

    /** No one but the service admins. */
    static CreationPolicy adminsOnly() {
        return bare -> false;
    }
}
