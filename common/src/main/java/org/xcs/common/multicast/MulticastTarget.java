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
 * @param lines whether it takes the bcc list as lines of text ({@link MulticastSender#LINES}), our own form that
 *     Prosody parses faster, instead of XEP-0033's list of elements
 */
public record MulticastTarget(JID service, String hostDomain, int limit, boolean lines) {

    /** A service that takes only XEP-0033's list (ejabberd's mod_multicast). */
    public MulticastTarget(JID service, String hostDomain, int limit) {
        this(service, hostDomain, limit, false);
    }

    public MulticastTarget {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(hostDomain, "hostDomain");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }
}
