package org.xcs.pubsub.pep;

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
}
