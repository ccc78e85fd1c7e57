package org.xcs.pubsub.privilege;

import java.util.Set;

import org.xcs.pubsub.pep.PepEvents;

/** The PEP core's events, known only once the core is built from this layer's rosters and presences. */
final class LateEvents implements PepEvents {
    private volatile PepEvents target;

    void bind(PepEvents events) {
        this.target = events;
    }

    @Override
    public void resourceAvailable(String fullJid) {
        PepEvents t = target;
        if (t != null) {
            t.resourceAvailable(fullJid);
        }
    }

    @Override
    public void rosterChanged(String ownerBare) {
        PepEvents t = target;
        if (t != null) {
            t.rosterChanged(ownerBare);
        }
    }

    @Override
    public void contactsGained(String ownerBare, Set<String> contactBares) {
        PepEvents t = target;
        if (t != null) {
            t.contactsGained(ownerBare, contactBares);
        }
    }
}
