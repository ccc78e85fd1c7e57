package org.xcs.pubsub.pep;

import java.util.Set;

/**
 * What the privilege layer tells the PEP core, each call made on the owner's serial queue. XEP-0163 §4.3.4: a
 * resource that becomes available (or whose +notify capabilities become known) gets the last item of each node it
 * may see and is interested in.
 */
public interface PepEvents {

    /** {@code fullJid} became available, or its capabilities became known. */
    void resourceAvailable(String fullJid);

    /** {@code ownerBare}'s roster changed (a push or the first fetch); access decisions may change with it. */
    void rosterChanged(String ownerBare);

    /**
     * {@code contactBares} receive {@code ownerBare}'s presence now and did not before, as a push or a re-read of the
     * owner's roster showed (XEP-0163 §4.3.2: a new presence subscriber is implicitly subscribed, and like a resource
     * coming online gets the last items it may see).
     */
    void contactsGained(String ownerBare, Set<String> contactBares);
}
