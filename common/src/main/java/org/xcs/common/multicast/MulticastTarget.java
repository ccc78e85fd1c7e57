package org.xcs.common.multicast;

import java.util.Objects;
import org.xmpp.packet.JID;

/**
 * A host's XEP-0033 multicast service: where to send, whose users it serves, and how many addresses one stanza may
 * carry.
 *
 * @param service the service's JID (ejabberd: {@code multicast.<host>})
 * @param hostDomain the domain whose users it delivers to; stanzas to other domains go out one by one
 * @param limit addresses per stanza, at least 1
 */
public record MulticastTarget(JID service, String hostDomain, int limit) {

    public MulticastTarget {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(hostDomain, "hostDomain");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }
}
